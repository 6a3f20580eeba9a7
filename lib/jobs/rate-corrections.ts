import type PgBoss from 'pg-boss';
import type { Database } from '@/db/client';
import { listUnreconciledCorrections, reconcileRateCorrection } from '@/lib/desk/rates/reconcile-correction';
import { RATE_CORRECTION_JOB, sendRateCorrection, type RateCorrectionJob } from '@/lib/queue/kicks';

export const RATE_CORRECTION_SWEEP_JOB = 'rate-correction-sweep';

export type RateCorrectionOptions = {
  retryDelaySeconds?: number;
  /** A correction still unreconciled after this long lost its job (crash after commit): the sweep queues it. */
  sweepAfterMs?: number;
};

/** The worker that reconciles the cases a rate correction touches, and the once-a-minute sweep for lost jobs. */
export async function registerRateCorrections(boss: PgBoss, db: Database, options: RateCorrectionOptions = {}) {
  // 'stately' + singletonKey: one queued job per correction; its row lock and reconciliation row make a rerun a no-op.
  const queue = {
    name: RATE_CORRECTION_JOB,
    policy: 'stately' as const,
    retryLimit: 10,
    retryDelay: options.retryDelaySeconds ?? 15,
    retryBackoff: true,
  };
  await boss.createQueue(RATE_CORRECTION_JOB, queue);
  await boss.updateQueue(RATE_CORRECTION_JOB, queue);
  await boss.work<RateCorrectionJob>(RATE_CORRECTION_JOB, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (job) await reconcileRateCorrection(db, job.data.correctionId);
  });

  const sweepAfterMs = options.sweepAfterMs ?? 60_000;
  await boss.createQueue(RATE_CORRECTION_SWEEP_JOB);
  await boss.work(RATE_CORRECTION_SWEEP_JOB, async () => {
    for (const correctionId of await listUnreconciledCorrections(db, sweepAfterMs)) await sendRateCorrection(boss, correctionId);
  });
  await boss.schedule(RATE_CORRECTION_SWEEP_JOB, '* * * * *');
}
