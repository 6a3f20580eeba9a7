import type PgBoss from 'pg-boss';
import type { DatabaseHandle } from '@/db/client';
import { configuredSender, type EmailSender } from '@/lib/email/sender';
import { env } from '@/lib/env';
import { NOTIFICATION_SUMMARY_JOB, sendDueSummaries } from '@/lib/notifications/summaries';
import { queueOutboxDelivery, registerEmailDelivery, type EmailDeliveryOptions } from './email-delivery';
import { MAINTENANCE_JOB, purgeExpiredAuthData } from './maintenance';
import { createQueue } from './queue';
import { getRunningQueue, setRunningQueue } from './running';

export type WorkerOptions = {
  /** Defaults to Resend when RESEND_API_KEY is set; null keeps emails in the outbox (development mailbox). */
  emailSender?: EmailSender | null;
  emailDelivery?: EmailDeliveryOptions;
};

/** Starts the queue, registers the workers and the schedules; returns the running boss. */
export async function startWorker(handle: DatabaseHandle, options: WorkerOptions = {}): Promise<PgBoss> {
  const boss = createQueue(handle);
  boss.on('error', (error) => console.error('[jobs]', error));
  await boss.start();
  await boss.createQueue(MAINTENANCE_JOB);
  await boss.work(MAINTENANCE_JOB, async () => {
    await purgeExpiredAuthData(handle.db);
  });
  await boss.schedule(MAINTENANCE_JOB, '17 * * * *');

  const sender = options.emailSender !== undefined ? options.emailSender : configuredSender(env());
  if (sender) await registerEmailDelivery(boss, handle.db, sender, options.emailDelivery);

  // The 10-minute notification summaries: pg-boss runs a schedule once per minute across all workers, and the
  // digests are claimed with SKIP LOCKED, so a summary goes out once even if two jobs overlap.
  await boss.createQueue(NOTIFICATION_SUMMARY_JOB);
  await boss.work(NOTIFICATION_SUMMARY_JOB, async () => {
    const outboxIds = await sendDueSummaries(handle.db);
    if (sender && outboxIds.length > 0) await queueOutboxDelivery(boss, outboxIds);
  });
  await boss.schedule(NOTIFICATION_SUMMARY_JOB, '* * * * *');
  setRunningQueue({ boss, emailDelivery: Boolean(sender) });
  boss.on('stopped', () => {
    if (getRunningQueue()?.boss === boss) setRunningQueue(undefined);
  });
  return boss;
}
