// Checks the environment (a bad value stops the start with its name) and starts the background job worker
// once per server process (not during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { env } = await import('@/lib/env');
  env();
  if (process.env.JOBS_DISABLED === '1') return;
  const { databaseHandle } = await import('@/db');
  const { startWorker } = await import('@/lib/jobs/worker');
  await startWorker(databaseHandle());
}
