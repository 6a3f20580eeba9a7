// A server and a job worker that shut down the way lib/cli/serve.ts does (lib/cli/graceful.ts). GET /slow answers
// its first half at once and its second half only after the shutdown began; so does the job on `graceful-test`.
// GET /ready is the readiness check. Environment: DATABASE_URL, GRACEFUL_PORT (0: any). Prints "listening <port>".
import { createServer } from 'node:http';
import { exitGracefullyOnSignal } from '@/lib/cli/graceful';
import { openDatabase } from '@/db/client';
import { checkReadiness } from '@/lib/health/readiness';
import { isDraining } from '@/lib/http/draining';
import { createQueue } from '@/lib/queue/create';
import { setRunningQueue } from '@/lib/queue/kicks';

const untilDraining = async () => {
  while (!isDraining()) await new Promise((resolve) => setTimeout(resolve, 20));
};

const handle = openDatabase(process.env.DATABASE_URL, { max: 2 });
const boss = createQueue(handle);
await boss.start();
await boss.createQueue('graceful-test');
await boss.work('graceful-test', async () => {
  await untilDraining();
  return { finishedAfterSignal: isDraining() };
});
setRunningQueue({ boss, db: handle.db, channels: {} });

const server = createServer((request, response) => {
  if (request.url === '/ready') {
    void checkReadiness(handle.db).then((readiness) => response.writeHead(readiness.ready ? 200 : 503).end(JSON.stringify(readiness)));
    return;
  }
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.write('first half\n');
  void untilDraining().then(() => response.end('second half\n'));
});
exitGracefullyOnSignal(server);
server.listen(Number(process.env.GRACEFUL_PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});
