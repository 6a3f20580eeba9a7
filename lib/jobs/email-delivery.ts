import type PgBoss from 'pg-boss';
import type { Executor } from '@/db/client';
import { deliverOutboxEmail, listUndeliveredOutboxIds } from '@/lib/email/deliver';
import type { EmailSender } from '@/lib/email/sender';
import { renderAttachments } from '@/lib/settlements/slips/attachments';
import { EMAIL_DELIVERY_JOB, queueOutboxDelivery, type OutboxJob } from '@/lib/queue/kicks';

export const EMAIL_SWEEP_JOB = 'email-sweep';

export type EmailDeliveryOptions = {
  /** Retries after the first attempt; the delay doubles each time (pg-boss backoff). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A pending email never attempted after this long lost its job (crash after commit): the sweep queues it. */
  sweepAfterMs?: number;
};

/** Registers the delivery worker and the once-a-minute sweep for emails whose job was never queued. */
export async function registerEmailDelivery(boss: PgBoss, db: Executor, sender: EmailSender, options: EmailDeliveryOptions = {}) {
  // 'stately' + singletonKey: at most one queued job per outbox row, however often it is requested.
  const queue = { name: EMAIL_DELIVERY_JOB, policy: 'stately' as const, retryLimit: options.retryLimit ?? 8, retryDelay: options.retryDelaySeconds ?? 30, retryBackoff: true };
  await boss.createQueue(EMAIL_DELIVERY_JOB, queue);
  await boss.updateQueue(EMAIL_DELIVERY_JOB, queue);
  await boss.work<OutboxJob>(EMAIL_DELIVERY_JOB, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    await deliverOutboxEmail(db, sender, job.data.outboxId, { isLastAttempt: job.retryCount >= job.retryLimit, renderAttachments });
  });

  const sweepAfterMs = options.sweepAfterMs ?? 60_000;
  await boss.createQueue(EMAIL_SWEEP_JOB);
  await boss.work(EMAIL_SWEEP_JOB, async () => {
    await queueOutboxDelivery(boss, await listUndeliveredOutboxIds(db, sweepAfterMs));
  });
  await boss.schedule(EMAIL_SWEEP_JOB, '* * * * *');
}
