import { and, asc, eq, lt } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { decryptSecret } from '@/lib/auth/crypto';
import { SIGNATURE_HEADER, signWebhook } from './signing';

export type WebhookPost = (url: string, body: string, headers: Record<string, string>) => Promise<{ status: number; body: string }>;

const TIMEOUT_MS = 10_000;
const RESPONSE_KEPT = 2000;

/** The real POST: no redirects followed (a 3xx is a failure), a 10-second timeout, the answer's start kept. */
export const fetchPost: WebhookPost = async (url, body, headers) => {
  const response = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
  return { status: response.status, body: (await response.text()).slice(0, RESPONSE_KEPT) };
};

/** https only; plain http to this machine only when WEBHOOK_ALLOW_LOCAL_HTTP=1 (tests and the demo). */
export function isAllowedWebhookUrl(raw: string, allowLocalHttp: boolean): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return allowLocalHttp && url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export class WebhookDeliveryFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookDeliveryFailed';
  }
}

export type DeliverOptions = { post?: WebhookPost; now?: Date; isLastAttempt?: boolean; allowLocalHttp?: boolean };

/**
 * Delivers one webhook: signs the stored payload with the endpoint's secret and POSTs it with its event id
 * (`AutoCollect-Event-Id`, for the receiver's own de-duplication). A delivered row is never sent again, so a
 * restarted worker or a repeated job sends nothing twice. A non-2xx answer or a network error throws, for the
 * job's retry with backoff; the last attempt marks the row failed (it can be resent from the portal).
 */
export async function deliverWebhook(db: Executor, deliveryId: string, options: DeliverOptions = {}): Promise<'delivered' | 'skipped'> {
  const [row] = await db
    .select({ delivery: webhookDeliveries, url: webhookEndpoints.url, secret: webhookEndpoints.secretEncrypted, disabledAt: webhookEndpoints.disabledAt })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row || row.delivery.status !== 'pending' || row.disabledAt) return 'skipped';
  const now = options.now ?? new Date();
  const body = JSON.stringify(row.delivery.payload);
  let outcome: { status: number | null; response: string | null; error: string | null };
  if (!isAllowedWebhookUrl(row.url, options.allowLocalHttp ?? process.env.WEBHOOK_ALLOW_LOCAL_HTTP === '1')) {
    outcome = { status: null, response: null, error: 'The endpoint URL is not allowed (https only).' };
  } else {
    try {
      const answer = await (options.post ?? fetchPost)(row.url, body, {
        'Content-Type': 'application/json',
        'User-Agent': 'AutoCollect-Webhooks/1',
        'AutoCollect-Event-Id': row.delivery.eventId,
        'AutoCollect-Event-Type': row.delivery.eventType,
        [SIGNATURE_HEADER]: signWebhook(decryptSecret(row.secret), body, now),
      });
      outcome = { status: answer.status, response: answer.body, error: answer.status >= 200 && answer.status < 300 ? null : `HTTP ${answer.status}` };
    } catch (error) {
      outcome = { status: null, response: null, error: error instanceof Error ? error.message.slice(0, 500) : 'network error' };
    }
  }
  const delivered = outcome.error === null;
  await db
    .update(webhookDeliveries)
    .set({
      attempts: row.delivery.attempts + 1,
      lastStatusCode: outcome.status,
      lastResponse: outcome.response,
      lastError: outcome.error,
      status: delivered ? 'delivered' : options.isLastAttempt ? 'failed' : 'pending',
      deliveredAt: delivered ? now : null,
      nextAttemptAt: now,
    })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, 'pending')));
  if (!delivered) throw new WebhookDeliveryFailed(outcome.error ?? 'failed');
  return 'delivered';
}

/** Pending deliveries not attempted for a while: the sweep queues them (new ones, and ones whose job was lost). */
export async function listPendingDeliveryIds(db: Executor, idleMs: number, now = new Date()): Promise<string[]> {
  const rows = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lt(webhookDeliveries.nextAttemptAt, new Date(now.getTime() - idleMs))))
    .orderBy(asc(webhookDeliveries.createdAt))
    .limit(500);
  return rows.map((row) => row.id);
}
