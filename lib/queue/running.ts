import type PgBoss from 'pg-boss';

// The worker runs in the server process (instrumentation.ts); actions reach it through this process-wide slot.
type Running = { boss: PgBoss; emailDelivery: boolean; smsDelivery?: boolean };
const slot = globalThis as unknown as { portalJobs?: Running };

export function setRunningQueue(running: Running | undefined) {
  slot.portalJobs = running;
}

export function getRunningQueue(): Running | undefined {
  return slot.portalJobs;
}
