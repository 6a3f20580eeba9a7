import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { cases, ledgerEntries } from '@/db/schema';
import { assertActorRole, type Actor } from '@/lib/auth/gate/checks';
import { DomainError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record';
import type { ChangeCaseStatusInput } from './schemas';
import { CHANGED_TO_KEYS, isActionAllowed, STATUS_AFTER, type CaseStatus } from './status-rules';

/** Locks the case row for the rest of the transaction; another company's case is simply not found. */
export async function lockCase(tx: Tx, companyId: string, caseId: string) {
  const [row] = await tx
    .select({ id: cases.id, companyId: cases.companyId, status: cases.status, stage: cases.stage, currency: cases.currency })
    .from(cases)
    .where(and(eq(cases.companyId, companyId), eq(cases.id, caseId)))
    .for('update');
  if (!row) throw new DomainError('cases.errors.notFound');
  return row;
}

/** The ledger's sum for a case: what the debtor owes now (the truth behind the cached cases.balance_ore). */
export async function sumLedgerOre(tx: Tx, companyId: string, caseId: string): Promise<number> {
  const [row] = await tx
    .select({ total: sql<number>`coalesce(sum(${ledgerEntries.amountOre}), 0)`.mapWith(Number) })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.companyId, companyId), eq(ledgerEntries.caseId, caseId)));
  return row?.total ?? 0;
}

/** Sets the cached balance to the ledger's sum; call after every ledger insert, in the same transaction. */
export async function refreshCaseBalance(tx: Tx, companyId: string, caseId: string): Promise<number> {
  const [row] = await tx
    .update(cases)
    .set({
      balanceOre: sql`(select coalesce(sum(${ledgerEntries.amountOre}), 0) from ${ledgerEntries}
        where ${ledgerEntries.companyId} = ${companyId} and ${ledgerEntries.caseId} = ${caseId})`,
      updatedAt: new Date(),
    })
    .where(and(eq(cases.companyId, companyId), eq(cases.id, caseId)))
    .returning({ balanceOre: cases.balanceOre });
  if (!row) throw new DomainError('cases.errors.notFound');
  return row.balanceOre;
}

/**
 * Pause, resume or withdraw. The row lock serialises two users acting at once; the status the user saw must
 * still be the status now, so the second of two concurrent changes is refused with what the case became.
 */
export async function changeCaseStatus(tx: Tx, actor: Actor, input: ChangeCaseStatusInput): Promise<CaseStatus> {
  assertActorRole(actor, 'write');
  const debtCase = await lockCase(tx, actor.companyId, input.caseId);
  if (debtCase.status !== input.expectedStatus || !isActionAllowed(input.action, debtCase.status)) {
    throw new DomainError(CHANGED_TO_KEYS[debtCase.status]);
  }
  const status = STATUS_AFTER[input.action];
  await tx
    .update(cases)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(cases.companyId, actor.companyId), eq(cases.id, debtCase.id)));
  const eventActor = { userId: actor.userId, companyId: actor.companyId };
  if (input.action === 'withdraw') {
    await recordEvent(tx, eventActor, { type: 'case.withdrawn', caseId: debtCase.id, data: { reason: input.reason ?? '' } });
  } else {
    await recordEvent(tx, eventActor, { type: input.action === 'pause' ? 'case.paused' : 'case.resumed', caseId: debtCase.id, data: {} });
  }
  return status;
}
