import type PgBoss from 'pg-boss';
import type { Executor } from '@/db/client';
import { deliverWebhook, listPendingDeliveryIds, type WebhookPost } from '@/lib/integrations/webhooks/deliver';
import { queueWebhookDeliveries, WEBHOOK_DELIVERY_JOB, type WebhookDeliveryJob } from '@/lib/queue/kicks';

export const WEBHOOK_SWEEP_JOB = 'webhook-sweep';

export type WebhookDeliveryOptions = {
  retryLimit?: number;
  retryDelaySeconds?: number;
  post?: WebhookPost;
  /** The sweep queues pending deliveries idle for longer than this (new ones have never been tried). */
  idleMs?: number;
  sweepCron?: string;
};

/** The webhook outbox's worker: one job per delivery (retries with backoff), and the sweep that queues them. */
export async function registerWebhookDelivery(boss: PgBoss, db: Executor, options: WebhookDeliveryOptions = {}) {
  // 'stately' + singletonKey: at most one queued job per delivery, so two workers never post one delivery at once.
  const queue = { name: WEBHOOK_DELIVERY_JOB, policy: 'stately' as const, retryLimit: options.retryLimit ?? 8, retryDelay: options.retryDelaySeconds ?? 30, retryBackoff: true };
  await boss.createQueue(WEBHOOK_DELIVERY_JOB, queue);
  await boss.updateQueue(WEBHOOK_DELIVERY_JOB, queue);
  await boss.work<WebhookDeliveryJob>(WEBHOOK_DELIVERY_JOB, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    await deliverWebhook(db, job.data.deliveryId, { post: options.post, isLastAttempt: job.retryCount >= job.retryLimit });
  });
  await boss.createQueue(WEBHOOK_SWEEP_JOB);
  await boss.work(WEBHOOK_SWEEP_JOB, async () => {
    await queueWebhookDeliveries(boss, await listPendingDeliveryIds(db, options.idleMs ?? 0));
  });
  await boss.schedule(WEBHOOK_SWEEP_JOB, options.sweepCron ?? '* * * * *');
}
