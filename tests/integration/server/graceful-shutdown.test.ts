import { get } from 'node:http';
import { describe, expect, it } from 'vitest';
import { databaseHandle } from '@/db';
import { createQueue } from '@/lib/queue/create';
import { exitCode, spawnTs, waitForOutput } from '@/tests/helpers/child-process';
import { waitFor, waitForJob } from '@/tests/helpers/wait';

/** A GET on a connection of its own (fetch would reuse a kept-alive one); resolves with the status. */
function freshConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

// lib/cli/serve.ts on SIGTERM (lib/cli/graceful.ts), in a process of its own: the request in flight and the running
// job finish, no new connection is taken, and the process exits 0 well within the 30 s a deploy allows.
describe('graceful shutdown', () => {
  it('finishes the request in flight and the running job, refuses new connections, exits 0 within 30 s', async () => {
    const server = spawnTs('tests/helpers/processes/graceful-server.ts', { GRACEFUL_PORT: process.env.GRACEFUL_PORT ?? '0' });
    await waitForOutput(server, 'listening ');
    const port = /listening (\d+)/.exec(server.output())?.[1];
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/ready`)).status).toBe(200);

    const boss = createQueue(databaseHandle());
    await boss.start();
    try {
      await boss.createQueue('graceful-test');
      const jobId = await boss.send('graceful-test', {});
      await waitFor(async () => (await boss.getJobById('graceful-test', jobId ?? ''))?.state === 'active', { what: 'the job running' });
      const response = await fetch(`${base}/slow`);
      const reader = response.body?.getReader();
      if (!reader) throw new Error('no body');
      const decoder = new TextDecoder();
      let body = decoder.decode((await reader.read()).value);
      expect(body).toBe('first half\n');

      server.child.kill('SIGTERM');
      await waitForOutput(server, '[shutdown] SIGTERM');
      // A new connection is refused (the balancer sends it elsewhere); one kept alive hears 503 from /ready.
      await expect(freshConnection(`${base}/ready`)).rejects.toThrow(/ECONNREFUSED/);
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) body += decoder.decode(chunk.value);
      expect(body).toBe('first half\nsecond half\n');
      expect(await exitCode(server.child, 30_000)).toBe(0);
      expect(await waitForJob(boss, 'graceful-test', jobId)).toBe('completed');
      expect((await boss.getJobById('graceful-test', jobId ?? ''))?.output).toEqual({ finishedAfterSignal: true });
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  }, 60_000);
});
