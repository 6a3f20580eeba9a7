import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { waitFor } from './wait';

/** Runs a TypeScript file of ours in its own process (tsx; 'server-only' is an empty module there, as in vitest), with the test's database. */
export function spawnTs(file: string, env: Record<string, string> = {}): { child: ChildProcess; output: () => string } {
  // tsx as a loader in this one process (its CLI would run the file in a grandchild that a SIGKILL would miss).
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: 'tests/helpers/processes/tsconfig.json',
      AUTH_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Waits until the child printed `line` (its positive signal); fails early if it exited. */
export async function waitForOutput(spawned: { child: ChildProcess; output: () => string }, line: string, timeoutMs = 60_000) {
  await waitFor(
    () => {
      if (spawned.child.exitCode !== null) throw new Error(`the child exited (${spawned.child.exitCode}): ${spawned.output()}`);
      return spawned.output().includes(line);
    },
    { timeoutMs, what: `"${line}" from the child` },
  );
}

/** The child's exit code, once it has exited (within `timeoutMs`). */
export async function exitCode(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode === null && child.signalCode === null) {
    await waitFor(() => child.exitCode !== null || child.signalCode !== null, { timeoutMs, what: 'the child to exit' });
  }
  return child.exitCode;
}
