import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { servedProcessEnv } from './heap-limit';

// Starting the built portal as its own process: shared by the e2e suite and the benchmark.

function listenOn(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : null));
    });
  });
}

/** A free port: the first free one of PORTAL_PORTS ("4500-4599", on a machine shared by port ranges), else any. */
export async function freePort(): Promise<number> {
  const [from, to] = (process.env.PORTAL_PORTS ?? '').split('-').map(Number);
  if (from && to) {
    for (let port = from; port <= to; port++) {
      const free = await listenOn(port);
      if (free) return free;
    }
    throw new Error(`no free port in PORTAL_PORTS ${process.env.PORTAL_PORTS}`);
  }
  const any = await listenOn(0);
  if (!any) throw new Error('no port');
  return any;
}

async function waitForServer(url: string, child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the portal server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the portal did not answer at ${url}`);
}

export type Portal = { baseUrl: string; pid: number; stop: () => Promise<void> };

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Ends the server's whole process group and resolves once no process of it is left, so nothing (the job worker's
 * polling) still talks to its database when the caller drops that. A group that ignores SIGTERM gets SIGKILL.
 */
async function stopGroup(pid: number, graceMs = 10_000) {
  if (!pid || !groupAlive(pid)) return;
  process.kill(-pid, 'SIGTERM');
  const started = Date.now();
  while (groupAlive(pid)) {
    if (Date.now() - started > graceMs) process.kill(-pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The built portal (lib/cli/serve.ts) on a free port (or the one given) with the given environment; stop() ends its whole process group. */
export async function startPortal(env: Record<string, string>, options: { output?: 'show' | 'hide'; port?: number } = {}): Promise<Portal> {
  const port = options.port ?? (await freePort());
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  // lib/cli/serve.ts: `next start` plus the socket address in X-Forwarded-For (see there).
  const child = spawn(process.execPath, [tsx, 'lib/cli/serve.ts', String(port), '127.0.0.1'], {
    env: { ...process.env, ...servedProcessEnv(), PORTAL_URL: `http://127.0.0.1:${port}`, ...env, PORT: String(port) },
    stdio: ['ignore', options.output === 'show' ? 'inherit' : 'ignore', 'inherit'],
    detached: true,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForServer(`${baseUrl}/nb/login`, child);
  const pid = child.pid ?? 0;
  return {
    baseUrl,
    pid,
    stop: () => stopGroup(pid),
  };
}
