import type PgBoss from 'pg-boss';
import type { Executor } from '@/db/client';
import { deliverOutboxSms, listUndeliveredSmsIds } from '@/lib/sms/deliver';
import type { SmsSender } from '@/lib/sms/sender';
import { queueSmsDelivery, SMS_DELIVERY_JOB, type OutboxJob } from '@/lib/queue/kicks';

export const SMS_SWEEP_JOB = 'sms-sweep';

export type SmsDeliveryOptions = { retryLimit?: number; retryDelaySeconds?: number };

/** SMS codes expire in 5 minutes: a short retry ladder, and a sweep for rows whose job was never queued. */
export async function registerSmsDelivery(boss: PgBoss, db: Executor, sender: SmsSender, options: SmsDeliveryOptions = {}) {
  const queue = { name: SMS_DELIVERY_JOB, policy: 'stately' as const, retryLimit: options.retryLimit ?? 4, retryDelay: options.retryDelaySeconds ?? 5, retryBackoff: true };
  await boss.createQueue(SMS_DELIVERY_JOB, queue);
  await boss.updateQueue(SMS_DELIVERY_JOB, queue);
  await boss.work<OutboxJob>(SMS_DELIVERY_JOB, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    await deliverOutboxSms(db, sender, job.data.outboxId, { isLastAttempt: job.retryCount >= job.retryLimit });
  });
  await boss.createQueue(SMS_SWEEP_JOB);
  await boss.work(SMS_SWEEP_JOB, async () => {
    await queueSmsDelivery(boss, await listUndeliveredSmsIds(db, 30_000));
  });
  await boss.schedule(SMS_SWEEP_JOB, '* * * * *');
}
