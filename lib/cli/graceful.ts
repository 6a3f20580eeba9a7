import type { Server } from 'node:http';
import { startDraining } from '@/lib/http/draining';
import { getRunningQueue } from '@/lib/queue/kicks';

/** What a load balancer and an orchestrator allow: Kubernetes' default grace period is 30 s. */
const DEADLINE_MS = 25_000;
/** pg-boss waits this long for running jobs, then hands the rest back (failed → retried by another worker). */
const JOBS_GRACE_MS = 20_000;

/**
 * On SIGTERM or SIGINT: /api/ready turns 503, the server takes no new connections, the requests in flight and the
 * running jobs finish (or the jobs go back to the queue), then the process exits 0. Past the deadline it exits 1.
 */
export function exitGracefullyOnSignal(server: Server, log: (line: string) => void = console.log) {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`[shutdown] ${signal}: finishing requests in flight and running jobs`);
    startDraining();
    setTimeout(() => {
      log('[shutdown] deadline passed; exiting with work unfinished');
      process.exit(1);
    }, DEADLINE_MS).unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive connections without a request in flight would hold close() open: end them as they go idle.
    const idle = setInterval(() => server.closeIdleConnections(), 250);
    server.closeIdleConnections();
    const boss = getRunningQueue()?.boss;
    await Promise.all([closed, boss?.stop({ graceful: true, timeout: JOBS_GRACE_MS, wait: true })]);
    clearInterval(idle);
    log('[shutdown] done');
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, (received) => void stop(received));
}
