// Keeps debtor data out of the logs, checks the environment (a bad value stops the start with its name) and starts
// the background job worker once per server process (not during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // Before anything can fail: database errors are logged without their parameters (debtor data).
  const { installSafeLogging } = await import('@/lib/safe-logging');
  installSafeLogging();
  const { env } = await import('@/lib/env');
  env();
  const { databaseHandle } = await import('@/db');
  const { startSendOnly, startWorker } = await import('@/lib/jobs/worker');
  // JOBS_DISABLED=1: a web-only instance still queues work for the worker instances, but runs none itself.
  if (process.env.JOBS_DISABLED === '1') await startSendOnly(databaseHandle());
  else await startWorker(databaseHandle());
}

// A request that failed because the database cannot be reached is marked, so the server entry answers it with the
// 503 page instead of Next's 500 (lib/http/outage.ts).
export async function onRequestError(error: unknown) {
  const { noteRequestError } = await import('@/lib/http/outage');
  noteRequestError(error);
}
