import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { decryptSecret } from '@/lib/auth/crypto';
import { pinnedPost, WEBHOOK_TIMEOUT_MS, type Resolver, type WebhookPost } from './post';
import { SIGNATURE_HEADER, signWebhook } from './signing';

export class WebhookDeliveryFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookDeliveryFailed';
  }
}

/** Deliveries of one company in flight at once, across all workers: a slow receiver holds only its own company. */
export const PER_COMPANY_IN_FLIGHT = 2;

export type DeliverOptions = {
  post?: WebhookPost;
  resolve?: Resolver;
  timeoutMs?: number;
  now?: Date;
  isLastAttempt?: boolean;
  allowLocalHttp?: boolean;
};

/**
 * Claims a company slot for the delivery (state in PostgreSQL, so it holds across workers and instances): under a
 * per-company advisory lock, at most PER_COMPANY_IN_FLIGHT deliveries of the company carry a live `sending_until`.
 * The lease outlives the request's deadline, so a crashed worker frees the slot by itself.
 */
async function claimSlot(db: Database, deliveryId: string, companyId: string, leaseMs: number): Promise<'claimed' | 'busy' | 'gone'> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`webhook-company:${companyId}`}, 0))`);
    const inFlight = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.companyId, companyId),
          sql`${webhookDeliveries.sendingUntil} > now()`,
          sql`${webhookDeliveries.id} <> ${deliveryId}`,
        ),
      )
      .limit(PER_COMPANY_IN_FLIGHT);
    if (inFlight.length >= PER_COMPANY_IN_FLIGHT) return 'busy';
    const [claimed] = await tx
      .update(webhookDeliveries)
      .set({ sendingUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})` })
      .where(
        and(
          eq(webhookDeliveries.id, deliveryId),
          eq(webhookDeliveries.status, 'pending'),
          sql`(${webhookDeliveries.sendingUntil} is null or ${webhookDeliveries.sendingUntil} <= now())`,
        ),
      )
      .returning({ id: webhookDeliveries.id });
    return claimed ? 'claimed' : 'gone';
  });
}

/**
 * Delivers one webhook: signs the stored payload with the endpoint's secret and POSTs it with its event id
 * (`AutoCollect-Event-Id`, for the receiver's own de-duplication). A delivered row is never sent again, so a
 * restarted worker or a repeated job sends nothing twice. A non-2xx answer or a refused or failed connection
 * throws, for the job's retry with backoff; the last attempt marks the row failed (it can be resent from the
 * portal). What is stored is the status code or a fixed reason: a reply body or an error text could carry what
 * an internal service said. `busy`: the company has its deliveries in flight; the job comes back later.
 */
export async function deliverWebhook(
  db: Database,
  deliveryId: string,
  options: DeliverOptions = {},
): Promise<'delivered' | 'skipped' | 'busy'> {
  const [row] = await db
    .select({
      delivery: webhookDeliveries,
      url: webhookEndpoints.url,
      secret: webhookEndpoints.secretEncrypted,
      disabledAt: webhookEndpoints.disabledAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row || row.delivery.status !== 'pending' || row.disabledAt) return 'skipped';
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const slot = await claimSlot(db, deliveryId, row.delivery.companyId, timeoutMs + 5_000);
  if (slot !== 'claimed') return slot === 'busy' ? 'busy' : 'skipped';

  const now = options.now ?? new Date();
  const body = JSON.stringify(row.delivery.payload);
  const post =
    options.post ??
    pinnedPost({
      allowLocalHttp: options.allowLocalHttp ?? process.env.WEBHOOK_ALLOW_LOCAL_HTTP === '1',
      resolve: options.resolve,
      timeoutMs,
    });
  const answer = await post(row.url, body, {
    'Content-Type': 'application/json',
    'User-Agent': 'AutoCollect-Webhooks/1',
    'AutoCollect-Event-Id': row.delivery.eventId,
    'AutoCollect-Event-Type': row.delivery.eventType,
    [SIGNATURE_HEADER]: signWebhook(decryptSecret(row.secret), body, now),
  }).catch(() => ({ reason: 'unreachable' as const }));
  const status = 'status' in answer ? answer.status : null;
  const reason = 'reason' in answer ? answer.reason : status !== null && status >= 200 && status < 300 ? null : 'http';
  const delivered = reason === null;
  await db
    .update(webhookDeliveries)
    .set({
      attempts: row.delivery.attempts + 1,
      lastStatusCode: status,
      lastError: reason,
      status: delivered ? 'delivered' : options.isLastAttempt ? 'failed' : 'pending',
      deliveredAt: delivered ? now : null,
      nextAttemptAt: now,
      sendingUntil: null,
    })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, 'pending')));
  if (!delivered) throw new WebhookDeliveryFailed(reason === 'http' ? `HTTP ${status}` : reason);
  return 'delivered';
}

/** Pending deliveries not attempted for a while: the sweep queues them (new ones, and ones whose job was lost). */
export async function listPendingDeliveryIds(db: Database, idleMs: number, now = new Date()): Promise<string[]> {
  const rows = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lt(webhookDeliveries.nextAttemptAt, new Date(now.getTime() - idleMs))))
    .orderBy(asc(webhookDeliveries.createdAt))
    .limit(500);
  return rows.map((row) => row.id);
}
