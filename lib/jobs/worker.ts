import type PgBoss from 'pg-boss';
import type { DatabaseHandle } from '@/db/client';
import { purgeAuthFailures } from '@/lib/integrations/api/auth-throttle';
import { purgeRateWindows } from '@/lib/integrations/api/rate-limit';
import { configuredSender, type EmailSender } from '@/lib/email/sender';
import { env } from '@/lib/env';
import { purgeAbandonedDrafts } from '@/lib/invoices/cleanup';
import { NOTIFICATION_SUMMARY_JOB, sendDueSummaries } from '@/lib/notifications/summaries';
import { configuredSmsSender, type SmsSender } from '@/lib/sms/sender';
import { createQueue } from '@/lib/queue/create';
import { dispatchOutbox, getRunningQueue, setRunningQueue } from '@/lib/queue/kicks';
import { registerInvoiceRegistration, type InvoiceRegistrationOptions } from './invoice-registration';
import { registerRateCorrections, type RateCorrectionOptions } from './rate-corrections';
import {
  emailChannel,
  smsChannel,
  webhookChannel,
  type EmailDeliveryOptions,
  type SmsDeliveryOptions,
  type WebhookDeliveryOptions,
} from './outbox-channels';
import { registerOutboxDelivery } from './outbox-delivery';
import { foldCaseFigures, MAINTENANCE_JOB, purgeExpiredAuthData } from './maintenance';
import { ENGINE_CRON, ENGINE_JOB, runScheduledEngine } from './engine';
import { runScheduledSettlements, SETTLEMENT_CRON, SETTLEMENT_JOB } from './settlement';

export type WorkerOptions = {
  /** Defaults to Resend when RESEND_API_KEY is set; null keeps emails in the outbox (development mailbox). */
  emailSender?: EmailSender | null;
  emailDelivery?: EmailDeliveryOptions;
  invoiceRegistration?: InvoiceRegistrationOptions;
  rateCorrections?: RateCorrectionOptions;
  /** Defaults to the HTTP provider when SMS_API_URL is set; null keeps SMS in the outbox (development mailbox). */
  smsSender?: SmsSender | null;
  smsDelivery?: SmsDeliveryOptions;
  webhookDelivery?: WebhookDeliveryOptions;
};

/** The outbox channels this process can deliver: email and SMS only with a configured sender. */
function outboxChannels(handle: DatabaseHandle, options: WorkerOptions) {
  const sender = options.emailSender !== undefined ? options.emailSender : configuredSender(env());
  const smsSender = options.smsSender !== undefined ? options.smsSender : configuredSmsSender(env());
  return {
    ...(sender ? { email: emailChannel(handle.db, sender, options.emailDelivery) } : {}),
    ...(smsSender ? { sms: smsChannel(handle.db, smsSender, options.smsDelivery) } : {}),
    webhook: webhookChannel(handle.db, options.webhookDelivery),
  };
}

function channelPolicies(channels: ReturnType<typeof outboxChannels>) {
  return Object.fromEntries(Object.entries(channels).map(([name, channel]) => [name, channel.policy]));
}

/**
 * A web-only instance (JOBS_DISABLED=1): pg-boss without workers, schedules or maintenance, so that actions still
 * queue their after-commit work at once; the worker instances take it.
 */
export async function startSendOnly(handle: DatabaseHandle): Promise<PgBoss> {
  const boss = createQueue(handle, { sendOnly: true });
  boss.on('error', (error) => console.error('[jobs]', error));
  await boss.start();
  setRunningQueue({ boss, db: handle.db, channels: channelPolicies(outboxChannels(handle, {})) });
  return boss;
}

/** Starts the queue, registers the workers and the schedules; returns the running boss. */
export async function startWorker(handle: DatabaseHandle, options: WorkerOptions = {}): Promise<PgBoss> {
  const boss = createQueue(handle);
  boss.on('error', (error) => console.error('[jobs]', error));
  await boss.start();
  await boss.createQueue(MAINTENANCE_JOB);
  await boss.work(MAINTENANCE_JOB, async () => {
    await purgeExpiredAuthData(handle.db);
    await purgeAbandonedDrafts(handle.db);
    await purgeRateWindows(handle.db);
    await purgeAuthFailures(handle.db);
    await foldCaseFigures(handle.db);
  });
  await boss.schedule(MAINTENANCE_JOB, '17 * * * *');
  await boss.createQueue(SETTLEMENT_JOB);
  await boss.work(SETTLEMENT_JOB, async () => {
    await runScheduledSettlements(handle.db);
  });
  await boss.schedule(SETTLEMENT_JOB, SETTLEMENT_CRON, {}, { tz: 'Europe/Oslo' });
  await boss.createQueue(ENGINE_JOB);
  await boss.work(ENGINE_JOB, async () => {
    await runScheduledEngine(handle.db);
  });
  await boss.schedule(ENGINE_JOB, ENGINE_CRON, {}, { tz: 'Europe/Oslo' });

  const channels = outboxChannels(handle, options);
  await registerOutboxDelivery(boss, channels);
  await registerInvoiceRegistration(boss, handle.db, options.invoiceRegistration);
  await registerRateCorrections(boss, handle.db, options.rateCorrections);

  // The 10-minute notification summaries: pg-boss runs a schedule once per minute across all workers, and the
  // digests are claimed with SKIP LOCKED, so a summary goes out once even if two jobs overlap.
  await boss.createQueue(NOTIFICATION_SUMMARY_JOB);
  await boss.work(NOTIFICATION_SUMMARY_JOB, async () => {
    await dispatchOutbox(await sendDueSummaries(handle.db));
  });
  await boss.schedule(NOTIFICATION_SUMMARY_JOB, '* * * * *');
  setRunningQueue({ boss, db: handle.db, channels: channelPolicies(channels) });
  boss.on('stopped', () => {
    if (getRunningQueue()?.boss === boss) setRunningQueue(undefined);
  });
  return boss;
}
