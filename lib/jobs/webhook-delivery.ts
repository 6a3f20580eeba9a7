import type PgBoss from 'pg-boss';
import type { Database } from '@/db/client';
import { deliverWebhook, listPendingDeliveryIds } from '@/lib/integrations/webhooks/deliver';
import type { Resolver, WebhookPost } from '@/lib/integrations/webhooks/post';
import { queueWebhookDeliveries, WEBHOOK_DELIVERY_JOB, type WebhookDeliveryJob } from '@/lib/queue/kicks';

export const WEBHOOK_SWEEP_JOB = 'webhook-sweep';

/** Deliveries this process sends at once (each waits at most the timeout); per company the limit is in deliver.ts. */
const WORKERS = 4;
/** A company with its deliveries in flight: the job comes back after this, without counting as an attempt. */
const BUSY_RETRY_SECONDS = 5;

export type WebhookDeliveryOptions = {
  retryLimit?: number;
  retryDelaySeconds?: number;
  post?: WebhookPost;
  /** Tests resolve names through their own resolver (no real DNS). */
  resolve?: Resolver;
  timeoutMs?: number;
  /** The sweep queues pending deliveries idle for longer than this (new ones have never been tried). */
  idleMs?: number;
  sweepCron?: string;
};

/**
 * The webhook outbox's worker: one job per delivery (retries with backoff), several at once so that one slow
 * receiver does not hold the others, and the sweep that queues them.
 */
export async function registerWebhookDelivery(boss: PgBoss, db: Database, options: WebhookDeliveryOptions = {}) {
  // 'stately' + singletonKey: at most one queued job per delivery, so two workers never post one delivery at once.
  const queue = { name: WEBHOOK_DELIVERY_JOB, policy: 'stately' as const, retryLimit: options.retryLimit ?? 8, retryDelay: options.retryDelaySeconds ?? 30, retryBackoff: true };
  await boss.createQueue(WEBHOOK_DELIVERY_JOB, queue);
  await boss.updateQueue(WEBHOOK_DELIVERY_JOB, queue);
  for (let worker = 0; worker < WORKERS; worker++) {
    await boss.work<WebhookDeliveryJob>(WEBHOOK_DELIVERY_JOB, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
      if (!job) return;
      const outcome = await deliverWebhook(db, job.data.deliveryId, {
        post: options.post,
        resolve: options.resolve,
        timeoutMs: options.timeoutMs,
        isLastAttempt: job.retryCount >= job.retryLimit,
      });
      if (outcome === 'busy') await queueWebhookDeliveries(boss, [job.data.deliveryId], BUSY_RETRY_SECONDS);
    });
  }
  await boss.createQueue(WEBHOOK_SWEEP_JOB);
  await boss.work(WEBHOOK_SWEEP_JOB, async () => {
    await queueWebhookDeliveries(boss, await listPendingDeliveryIds(db, options.idleMs ?? 0));
  });
  await boss.schedule(WEBHOOK_SWEEP_JOB, options.sweepCron ?? '* * * * *');
}
