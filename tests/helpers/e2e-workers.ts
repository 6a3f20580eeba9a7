// How many e2e files run at once, each worker with its own portal server and database (tests/helpers/portal-server.ts).
// Two fill a 2-core machine: a test mostly waits on the server or the browser, so one worker leaves a core idle.
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 2) || 1);
