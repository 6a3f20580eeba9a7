import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db';
import { webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { encryptSecret } from '@/lib/auth/crypto';
import { assertActorRole, type Actor } from '@/lib/auth/gate/checks';
import { DomainError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record';
import { newWebhookSecret } from './signing';
import { webhookUrlProblem } from './url';

const MAX_ENDPOINTS = 5;

/** Adds an endpoint and returns its signing secret in clear: the only time it is shown. */
export async function addWebhookEndpoint(
  tx: Tx,
  actor: Actor,
  url: string,
  allowLocalHttp: boolean,
): Promise<{ id: string; secret: string }> {
  assertActorRole(actor, 'admin');
  const problem = webhookUrlProblem(url, allowLocalHttp);
  if (problem) throw new DomainError(`integrations.webhooks.errors.${problem}`);
  const live = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.companyId, actor.companyId), isNull(webhookEndpoints.disabledAt)));
  if (live.length >= MAX_ENDPOINTS) throw new DomainError('integrations.webhooks.errors.tooMany');
  const secret = newWebhookSecret();
  const [row] = await tx
    .insert(webhookEndpoints)
    .values({ companyId: actor.companyId, url, secretEncrypted: encryptSecret(secret), createdByUserId: actor.userId })
    .returning({ id: webhookEndpoints.id });
  if (!row) throw new Error('endpoint insert returned nothing');
  await recordEvent(tx, actor, { type: 'company.webhook_added', companyId: actor.companyId, data: { endpointId: row.id, url } });
  return { id: row.id, secret };
}

export async function removeWebhookEndpoint(tx: Tx, actor: Actor, endpointId: string) {
  assertActorRole(actor, 'admin');
  const [row] = await tx
    .update(webhookEndpoints)
    .set({ disabledAt: new Date() })
    .where(and(eq(webhookEndpoints.companyId, actor.companyId), eq(webhookEndpoints.id, endpointId), isNull(webhookEndpoints.disabledAt)))
    .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url });
  if (!row) throw new DomainError('integrations.webhooks.errors.notFound');
  await recordEvent(tx, actor, { type: 'company.webhook_removed', companyId: actor.companyId, data: { endpointId: row.id, url: row.url } });
}

/** Send igjen: the delivery goes back to pending (its attempts kept) and is queued again after the commit. */
export async function resendWebhookDelivery(tx: Tx, actor: Actor, deliveryId: string): Promise<string> {
  assertActorRole(actor, 'admin');
  const [row] = await tx
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: new Date(0), deliveredAt: null })
    .where(and(eq(webhookDeliveries.companyId, actor.companyId), eq(webhookDeliveries.id, deliveryId)))
    .returning({ id: webhookDeliveries.id, eventType: webhookDeliveries.eventType });
  if (!row) throw new DomainError('integrations.webhooks.errors.notFound');
  await recordEvent(tx, actor, {
    type: 'company.webhook_resent',
    companyId: actor.companyId,
    data: { deliveryId: row.id, eventType: row.eventType },
  });
  return row.id;
}
