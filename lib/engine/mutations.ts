import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { caseCollection, companies } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { recordEvent, type EventActor } from '@/lib/events/record';
import { lockCase } from '@/lib/ledger';
import type { CollectionAgreement } from './rules/agreement';

/**
 * A dispute (innsigelse) holds the case at its stage until the creditor confirms the claim (or the desk lifts
 * it); a case handler's confirmation lets the engine take the case to legal collection. Both in the history.
 */
export async function changeCollection(
  tx: Tx,
  actor: EventActor & { companyId: string },
  input: { caseId: string; intent: 'dispute' | 'resolveDispute' | 'confirmLegal'; reason: string; reasonKey?: string },
  by: 'creditor' | 'agency' | 'debtor',
  now = new Date(),
) {
  const locked = await lockCase(tx, actor.companyId, input.caseId);
  if (locked.status === 'withdrawn' || locked.status === 'closed') throw new DomainError('engine.errors.caseEnded');
  await tx.insert(caseCollection).values({ caseId: locked.id, companyId: locked.companyId }).onConflictDoNothing();
  const [state] = await tx.select().from(caseCollection).where(eq(caseCollection.caseId, locked.id));
  if (input.intent === 'dispute') {
    if (state?.disputedAt) throw new DomainError('engine.errors.alreadyDisputed');
    if (!input.reason) throw new DomainError('engine.errors.reasonRequired');
    await tx
      .update(caseCollection)
      .set({ disputedAt: now, disputeReason: input.reason, updatedAt: now })
      .where(eq(caseCollection.caseId, locked.id));
    await recordEvent(
      tx,
      actor,
      { type: 'case.disputed', caseId: locked.id, data: { reason: input.reason, reasonKey: input.reasonKey, by } },
      now,
    );
  } else if (input.intent === 'resolveDispute') {
    if (!state?.disputedAt) throw new DomainError('engine.errors.notDisputed');
    await tx
      .update(caseCollection)
      .set({ disputedAt: null, disputeReason: null, updatedAt: now })
      .where(eq(caseCollection.caseId, locked.id));
    await recordEvent(tx, actor, { type: 'case.dispute_resolved', caseId: locked.id, data: {} }, now);
  } else {
    if (state?.legalConfirmedAt) throw new DomainError('engine.errors.alreadyConfirmed');
    await tx
      .update(caseCollection)
      .set({ legalConfirmedAt: now, legalConfirmedByUserId: actor.userId, updatedAt: now })
      .where(eq(caseCollection.caseId, locked.id));
    await recordEvent(tx, actor, { type: 'case.legal_confirmed', caseId: locked.id, data: {} }, now);
  }
}

/** The desk edits a company's agreement: the timings and switches of the collection path, and VAT registration. */
export async function updateAgreement(
  tx: Tx,
  staff: { userId: string },
  input: { companyId: string; agreement: CollectionAgreement; vatRegistered: boolean },
) {
  const [row] = await tx
    .update(companies)
    .set({ collectionAgreement: input.agreement, vatRegistered: input.vatRegistered })
    .where(eq(companies.id, input.companyId))
    .returning({ id: companies.id });
  if (!row) throw new DomainError('cases.errors.notFound');
  return staff.userId;
}
