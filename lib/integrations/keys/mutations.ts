import 'server-only';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db';
import { apiKeys, companies } from '@/db/schema';
import { assertActorRole, type Actor } from '@/lib/auth/gate/checks';
import { DomainError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record';
import { generateApiKey } from './keys';

/** Live keys a company may hold: enough for its systems; each one more is one more secret to leak. */
export const MAX_LIVE_KEYS = 10;

/** Creates a key and returns it in clear: the only time it is ever shown. */
export async function createApiKey(tx: Tx, actor: Actor, name: string): Promise<{ id: string; key: string; prefix: string }> {
  assertActorRole(actor, 'admin');
  // The company's row lock makes the count and the insert one step, also for parallel requests.
  await tx.select({ id: companies.id }).from(companies).where(eq(companies.id, actor.companyId)).for('update');
  const [live] = await tx
    .select({ n: count() })
    .from(apiKeys)
    .where(and(eq(apiKeys.companyId, actor.companyId), isNull(apiKeys.revokedAt)));
  if ((live?.n ?? 0) >= MAX_LIVE_KEYS) throw new DomainError('integrations.errors.tooManyKeys');
  const generated = generateApiKey();
  const [row] = await tx
    .insert(apiKeys)
    .values({ companyId: actor.companyId, name, prefix: generated.prefix, secretHash: generated.secretHash, createdByUserId: actor.userId })
    .returning({ id: apiKeys.id });
  if (!row) throw new Error('api key insert returned nothing');
  await recordEvent(tx, actor, { type: 'api_key.created', apiKeyId: row.id, data: { name, prefix: generated.prefix } });
  return { id: row.id, key: generated.key, prefix: generated.prefix };
}

/** Revokes a live key of the actor's company; the next call with it answers 401. */
export async function revokeApiKey(tx: Tx, actor: Actor, apiKeyId: string) {
  assertActorRole(actor, 'admin');
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.companyId, actor.companyId), eq(apiKeys.id, apiKeyId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix });
  if (!row) throw new DomainError('integrations.errors.keyNotFound');
  await recordEvent(tx, actor, { type: 'api_key.revoked', apiKeyId: row.id, data: { name: row.name, prefix: row.prefix } });
}

/**
 * The AutoCollect switch: on, the company is connected (the portal's manual registration turns off); off
 * restores manual registration. Turning it on needs a live key, so that something can actually send.
 */
export async function setAutocollect(tx: Tx, actor: Actor, enabled: boolean) {
  assertActorRole(actor, 'admin');
  const [company] = await tx
    .select({ autocollect: companies.autocollectEnabled })
    .from(companies)
    .where(eq(companies.id, actor.companyId))
    .for('update');
  if (!company) throw new DomainError('integrations.errors.keyNotFound');
  if (company.autocollect === enabled) return;
  if (enabled) {
    const [live] = await tx
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(and(eq(apiKeys.companyId, actor.companyId), isNull(apiKeys.revokedAt)))
      .limit(1);
    if (!live) throw new DomainError('integrations.errors.keyNeeded');
  }
  await tx.update(companies).set({ autocollectEnabled: enabled }).where(eq(companies.id, actor.companyId));
  await recordEvent(tx, actor, { type: 'company.autocollect_changed', companyId: actor.companyId, data: { enabled } });
}
