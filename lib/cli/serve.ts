import { createServer } from 'node:http';

/**
 * Serves the built portal like `next start`, but as a well-behaved proxy would: the socket address is appended to
 * X-Forwarded-For. `next start` only fills that header when it is missing, so a client could otherwise choose its
 * own address for the throttle; lib/auth/client-address.ts relies on the last entry being the real peer.
 * Usage: tsx lib/cli/serve.ts [port] [host]
 */
// Like `next start`: always production (the development mailbox and cookies depend on it).
Object.assign(process.env, { NODE_ENV: 'production' });
// A bad environment (TRUSTED_PROXY_HOPS=abc, missing production secrets) stops the start, naming the variable.
const { loadEnv } = await import('@/lib/env');
try {
  loadEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const { default: next } = await import('next');
const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const hostname = process.argv[3] ?? process.env.HOSTNAME ?? '0.0.0.0';
const app = next({ dev: false, dir: process.cwd(), port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

createServer((request, response) => {
  const claimed = request.headers['x-forwarded-for'];
  const peer = request.socket.remoteAddress ?? 'unknown';
  const prior = Array.isArray(claimed) ? claimed.join(', ') : claimed;
  request.headers['x-forwarded-for'] = prior ? `${prior}, ${peer}` : peer;
  void handle(request, response);
}).listen(port, hostname, () => console.log(`▲ Ready on http://${hostname}:${port}`));
