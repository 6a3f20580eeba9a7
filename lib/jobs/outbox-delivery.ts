import type PgBoss from 'pg-boss';
import { OUTBOX_DELIVERY_JOB, queueDeliveries, type DeliveryChannel, type DeliveryJob, type RetryPolicy } from '@/lib/queue/kicks';

export const OUTBOX_SWEEP_JOB = 'outbox-sweep';

/** Deliveries this process sends at once (each waits at most its timeout), so one slow receiver holds no other. */
const WORKERS = 4;
/** A delivery that cannot go yet (its company's webhooks are all in flight) comes back after this, unattempted. */
const BUSY_RETRY_SECONDS = 5;

/** One kind of outgoing message: how one is delivered, which ones lost their job, and its retry ladder. */
export type OutboxChannel = {
  policy: RetryPolicy;
  /** Sends one; throws for a retry. 'busy': not attempted, try again shortly. */
  deliver: (id: string, isLastAttempt: boolean) => Promise<'sent' | 'skipped' | 'busy'>;
  /** Pending ones no job will deliver (lost between the commit and the queue, or never queued): the sweep queues them. */
  lost: () => Promise<string[]>;
};

/**
 * The outbox's one worker and its once-a-minute sweep: one queue, one job per email, SMS or webhook delivery, each
 * with its channel's retry ladder. A channel that is not given (no sender) is neither delivered nor swept.
 */
export async function registerOutboxDelivery(boss: PgBoss, channels: Partial<Record<DeliveryChannel, OutboxChannel>>) {
  const queue = { name: OUTBOX_DELIVERY_JOB, policy: 'stately' as const, retryBackoff: true };
  await boss.createQueue(OUTBOX_DELIVERY_JOB, queue);
  await boss.updateQueue(OUTBOX_DELIVERY_JOB, queue);
  for (let worker = 0; worker < WORKERS; worker++) {
    await boss.work<DeliveryJob>(OUTBOX_DELIVERY_JOB, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
      const channel = job ? channels[job.data.channel] : undefined;
      if (!job || !channel) return;
      const outcome = await channel.deliver(job.data.id, job.retryCount >= job.retryLimit);
      if (outcome === 'busy') await queueDeliveries(boss, job.data.channel, [job.data.id], channel.policy, BUSY_RETRY_SECONDS);
    });
  }
  await boss.createQueue(OUTBOX_SWEEP_JOB);
  await boss.work(OUTBOX_SWEEP_JOB, async () => {
    for (const [name, channel] of Object.entries(channels) as [DeliveryChannel, OutboxChannel][]) {
      await queueDeliveries(boss, name, await channel.lost(), channel.policy);
    }
  });
  await boss.schedule(OUTBOX_SWEEP_JOB, '* * * * *');
}
