import type PgBoss from 'pg-boss';

// Tests wait for a positive signal (a row's state, a job's state), never for a fixed time.

/** Polls `check` until it holds; fails after `timeoutMs` with `what` in the message. */
export async function waitFor(check: () => Promise<boolean> | boolean, { timeoutMs = 25_000, what = 'the condition' } = {}) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits until pg-boss has finished the job (completed, failed or cancelled) and returns that state. */
export async function waitForJob(boss: PgBoss, queue: string, jobId: string | null, timeoutMs = 30_000): Promise<string> {
  if (!jobId) throw new Error(`no job was queued on ${queue}`);
  let state = '';
  await waitFor(
    async () => {
      state = (await boss.getJobById(queue, jobId))?.state ?? '';
      return state === 'completed' || state === 'failed' || state === 'cancelled';
    },
    { timeoutMs, what: `job ${jobId} on ${queue}` },
  );
  return state;
}
