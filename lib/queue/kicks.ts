import type PgBoss from 'pg-boss';
import { getRunningQueue } from './running';

// The queue's names and the messages domain code sends after its commit. The workers that take them (lib/jobs/)
// sit above the domain; this file knows only names and payloads, so actions can ask for work without importing it.

export const EMAIL_DELIVERY_JOB = 'email-delivery';
export const SMS_DELIVERY_JOB = 'sms-delivery';
export const INVOICE_REGISTRATION_JOB = 'invoice-registration';
export const WEBHOOK_DELIVERY_JOB = 'webhook-delivery';

export type OutboxJob = { outboxId: string };
export type InvoiceRegistrationJob = { draftId: string };
export type WebhookDeliveryJob = { deliveryId: string };

// 'stately' queues + singletonKey: at most one queued job per row, however often it is asked for.
// Each returns the queued jobs' ids (null where one is already waiting).
export async function queueOutboxDelivery(boss: PgBoss, outboxIds: string[]) {
  const jobIds: (string | null)[] = [];
  for (const outboxId of outboxIds) jobIds.push(await boss.send(EMAIL_DELIVERY_JOB, { outboxId } satisfies OutboxJob, { singletonKey: outboxId }));
  return jobIds;
}

export async function queueSmsDelivery(boss: PgBoss, outboxIds: string[]) {
  const jobIds: (string | null)[] = [];
  for (const outboxId of outboxIds) jobIds.push(await boss.send(SMS_DELIVERY_JOB, { outboxId } satisfies OutboxJob, { singletonKey: outboxId }));
  return jobIds;
}

export async function sendInvoiceRegistration(boss: PgBoss, draftId: string) {
  return boss.send(INVOICE_REGISTRATION_JOB, { draftId } satisfies InvoiceRegistrationJob, { singletonKey: draftId });
}

/** `startAfterSeconds`: later (a company whose deliveries are all in flight gets its job back after a while). */
export async function queueWebhookDeliveries(boss: PgBoss, deliveryIds: string[], startAfterSeconds?: number) {
  const later = startAfterSeconds ? { startAfter: startAfterSeconds } : {};
  const jobIds: (string | null)[] = [];
  for (const deliveryId of deliveryIds) {
    jobIds.push(await boss.send(WEBHOOK_DELIVERY_JOB, { deliveryId } satisfies WebhookDeliveryJob, { singletonKey: deliveryId, ...later }));
  }
  return jobIds;
}

/**
 * After the commit: asks the running worker to deliver these outbox emails and SMS now. Best effort by design:
 * if this process dies first, the sweep job finds the pending rows; without a sender nothing is queued.
 */
export async function dispatchOutbox(outboxIds: string[]) {
  const running = getRunningQueue();
  if (!running || outboxIds.length === 0) return;
  try {
    // Each delivery job skips rows of the other channel.
    if (running.emailDelivery) await queueOutboxDelivery(running.boss, outboxIds);
    if (running.smsDelivery) await queueSmsDelivery(running.boss, outboxIds);
  } catch (error) {
    console.error('[email] could not queue delivery; the sweep will retry', error);
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

/** After the commit: asks the running worker to post these webhook deliveries now; else the sweep finds them. */
export async function dispatchWebhookDeliveries(deliveryIds: string[]) {
  const running = getRunningQueue();
  if (!running || deliveryIds.length === 0) return;
  try {
    await queueWebhookDeliveries(running.boss, deliveryIds);
  } catch (error) {
    console.error('[webhooks] could not queue delivery; the sweep will retry', error);
  }
}
