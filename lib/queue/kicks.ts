import { inArray } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Executor } from '@/db/client';
import { outbox } from '@/db/schema';

// The queue's names and the messages domain code sends after its commit. The workers that take them (lib/jobs/)
// sit above the domain; this file knows only names and payloads, so actions can ask for work without importing it.

export const OUTBOX_DELIVERY_JOB = 'outbox-delivery';
export const INVOICE_REGISTRATION_JOB = 'invoice-registration';
export const RATE_CORRECTION_JOB = 'rate-correction';

/** What leaves through the outbox: emails and SMS (the `outbox` table) and webhooks (`webhook_deliveries`). */
export type DeliveryChannel = 'email' | 'sms' | 'webhook';
export type DeliveryJob = { channel: DeliveryChannel; id: string };
/** A channel's retries after the first attempt; the delay doubles each time (pg-boss backoff). */
export type RetryPolicy = { retryLimit: number; retryDelaySeconds: number };
export type InvoiceRegistrationJob = { draftId: string };
export type RateCorrectionJob = { correctionId: string };

// The worker runs in the server process (instrumentation.ts); actions reach it through this process-wide slot.
// `channels`: the outbox channels it delivers (one without a sender is absent, and its rows wait in the outbox).
type Running = { boss: PgBoss; db: Executor; channels: Partial<Record<DeliveryChannel, RetryPolicy>> };
const slot = globalThis as unknown as { portalJobs?: Running };

export function setRunningQueue(running: Running | undefined) {
  slot.portalJobs = running;
}

export function getRunningQueue(): Running | undefined {
  return slot.portalJobs;
}

/**
 * Queues one delivery job per id on the one outbox queue, with the channel's retry ladder. 'stately' +
 * singletonKey: at most one queued job per row, however often it is asked for. Returns the queued jobs' ids (null
 * where one is already waiting). `startAfterSeconds`: later (a company whose deliveries are all in flight).
 */
export async function queueDeliveries(
  boss: PgBoss,
  channel: DeliveryChannel,
  ids: string[],
  policy: RetryPolicy,
  startAfterSeconds?: number,
) {
  const retry = { retryLimit: policy.retryLimit, retryDelay: policy.retryDelaySeconds, retryBackoff: true };
  const later = startAfterSeconds ? { startAfter: startAfterSeconds } : {};
  const jobIds: (string | null)[] = [];
  for (const id of ids) {
    jobIds.push(
      await boss.send(OUTBOX_DELIVERY_JOB, { channel, id } satisfies DeliveryJob, { singletonKey: `${channel}:${id}`, ...retry, ...later }),
    );
  }
  return jobIds;
}

export async function sendInvoiceRegistration(boss: PgBoss, draftId: string) {
  return boss.send(INVOICE_REGISTRATION_JOB, { draftId } satisfies InvoiceRegistrationJob, { singletonKey: draftId });
}

/** One job per correction (singletonKey): asked for twice, it is queued once. */
export async function sendRateCorrection(boss: PgBoss, correctionId: string) {
  return boss.send(RATE_CORRECTION_JOB, { correctionId } satisfies RateCorrectionJob, { singletonKey: correctionId });
}

/** Queues the ids on a channel the running worker delivers; nothing without a worker or a sender for it. */
async function dispatch(channel: DeliveryChannel, ids: string[]) {
  const running = getRunningQueue();
  const policy = running?.channels[channel];
  if (!running || !policy || ids.length === 0) return [];
  return queueDeliveries(running.boss, channel, ids, policy);
}

/**
 * After the commit: asks the running worker to deliver these outbox emails and SMS now. Best effort by design:
 * if this process dies first, the sweep finds the pending rows; a channel without a sender queues nothing.
 * Returns the queued jobs' ids.
 */
export async function dispatchOutbox(outboxIds: string[]) {
  const running = getRunningQueue();
  if (!running || outboxIds.length === 0) return [];
  try {
    const rows = await running.db.select({ id: outbox.id, channel: outbox.channel }).from(outbox).where(inArray(outbox.id, outboxIds));
    const idsOf = (channel: DeliveryChannel) => rows.filter((row) => row.channel === channel).map((row) => row.id);
    return [...(await dispatch('email', idsOf('email'))), ...(await dispatch('sms', idsOf('sms')))];
  } catch (error) {
    console.error('[outbox] could not queue delivery; the sweep will retry', error);
    return [];
  }
}

/** After the commit: asks the running worker to post these webhook deliveries now; else the sweep finds them. */
export async function dispatchWebhookDeliveries(deliveryIds: string[]) {
  try {
    return await dispatch('webhook', deliveryIds);
  } catch (error) {
    console.error('[webhooks] could not queue delivery; the sweep will retry', error);
    return [];
  }
}

/** After the commit: asks the running worker to register the draft now; if that fails, the sweep finds it. */
export async function queueInvoiceRegistration(draftId: string) {
  const running = getRunningQueue();
  if (!running) return;
  try {
    await sendInvoiceRegistration(running.boss, draftId);
  } catch (error) {
    console.error('[invoices] could not queue registration; the sweep will retry', error);
  }
}

/**
 * After the commit: asks the running worker to reconcile the cases a rate correction touches. If this fails (or no
 * queue runs here), the sweep finds the unreconciled correction. Returns the queued job's id, or null.
 */
export async function queueRateCorrection(correctionId: string): Promise<string | null> {
  const running = getRunningQueue();
  if (!running) return null;
  try {
    return await sendRateCorrection(running.boss, correctionId);
  } catch (error) {
    console.error('[rates] could not queue the reconciliation; the sweep will retry', error);
    return null;
  }
}
