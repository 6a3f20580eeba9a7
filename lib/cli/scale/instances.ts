import { spawn, type ChildProcess } from 'node:child_process';
import { servedProcessEnv } from '@/lib/cli/heap-limit';

// The built portal (lib/cli/serve.ts) as separate processes; tsx as a loader in the one process, so a SIGKILL
// reaches the server itself.

export type Instance = { name: string; port: number; base: string; child: ChildProcess; output: string[] };

export async function startInstance(name: string, port: number, env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'lib/cli/serve.ts', String(port), '127.0.0.1'], {
    env: { ...process.env, ...servedProcessEnv(), ...env, PORT: String(port), DATABASE_APPLICATION_NAME: name },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const instance = { name, port, base: `http://127.0.0.1:${port}`, child, output };
  try {
    await waitUntilReady(instance);
  } catch (error) {
    // Not left running (and holding its port and database connections) when the caller gives up.
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    throw error;
  }
  return instance;
}

async function waitUntilReady(instance: Instance) {
  const started = Date.now();
  while (Date.now() - started < 120_000) {
    if (instance.child.exitCode !== null) throw new Error(`${instance.name} exited: ${instance.output.join('').slice(-800)}`);
    try {
      if ((await fetch(`${instance.base}/api/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${instance.name} did not become ready: ${instance.output.join('').slice(-800)}`);
}

/** Ends the instance: SIGKILL (a crash, nothing finishes) or SIGTERM (a deploy); resolves when it is gone. */
export async function stopInstance(instance: Instance, signal: 'SIGKILL' | 'SIGTERM'): Promise<number | null> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return instance.child.exitCode;
  const exited = new Promise<number | null>((resolve) => instance.child.once('exit', (code) => resolve(code)));
  if (instance.child.pid) process.kill(signal === 'SIGKILL' ? -instance.child.pid : instance.child.pid, signal);
  return exited;
}
