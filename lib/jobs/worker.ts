import type PgBoss from 'pg-boss';
import type { DatabaseHandle } from '@/db/client';
import { configuredSender, type EmailSender } from '@/lib/email/sender';
import { env } from '@/lib/env';
import { registerEmailDelivery, type EmailDeliveryOptions } from './email-delivery';
import { MAINTENANCE_JOB, purgeExpiredAuthData } from './maintenance';
import { createQueue } from './queue';
import { runScheduledSettlements, SETTLEMENT_CRON, SETTLEMENT_JOB } from './settlement';
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
  await boss.createQueue(SETTLEMENT_JOB);
  await boss.work(SETTLEMENT_JOB, async () => {
    await runScheduledSettlements(handle.db);
  });
  await boss.schedule(SETTLEMENT_JOB, SETTLEMENT_CRON, {}, { tz: 'Europe/Oslo' });

  const sender = options.emailSender !== undefined ? options.emailSender : configuredSender(env());
  if (sender) await registerEmailDelivery(boss, handle.db, sender, options.emailDelivery);
  setRunningQueue({ boss, emailDelivery: Boolean(sender) });
  boss.on('stopped', () => {
    if (getRunningQueue()?.boss === boss) setRunningQueue(undefined);
  });
  return boss;
}
