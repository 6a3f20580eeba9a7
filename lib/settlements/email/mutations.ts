import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { companies } from '@/db/schema';
import { assertActorRole, recheckRoleInTransaction, type Actor } from '@/lib/auth/gate/checks';
import { recordEvent } from '@/lib/events/record';
import type { SettlementEmailInput } from './schemas';

/** Sets where (and in which language) the company's remittance slips are mailed; Administrators only. */
export async function updateSettlementEmail(tx: Tx, actor: Actor, input: Omit<SettlementEmailInput, 'companyId'>) {
  assertActorRole(actor, 'admin');
  const [before] = await tx
    .select({ settlementEmail: companies.settlementEmail, settlementEmailLocale: companies.settlementEmailLocale })
    .from(companies)
    .where(eq(companies.id, actor.companyId))
    .for('update');
  // The role may have been lowered since the request's gate.
  await recheckRoleInTransaction(tx, actor, 'admin');
  if (!before) return;
  await tx
    .update(companies)
    .set({ settlementEmail: input.settlementEmail, settlementEmailLocale: input.settlementEmailLocale })
    .where(eq(companies.id, actor.companyId));
  await recordEvent(tx, actor, {
    type: 'company.settlement_email_changed',
    companyId: actor.companyId,
    data: { from: before.settlementEmail, to: input.settlementEmail, locale: input.settlementEmailLocale },
  });
}
