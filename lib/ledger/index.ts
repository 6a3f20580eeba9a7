import { and, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '@/db/client';
import { cases, ledgerEntries } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { ClaimComponent, Outstanding, PaymentComponent } from './components';

/** The fee kinds a fee row may name (the claim's rules, lib/engine/rules/claim.ts, say which is allowed). */
export type FeeKind = (typeof ledgerEntries.$inferInsert)['feeKind'] & string;

/**
 * The one home of a case's money: lock the case, sum the ledger, post entries, and keep the cached
 * cases.balance_ore equal to the ledger's sum in the same transaction. Nothing else writes ledger_entries
 * or the cached balance (payments, credit notes, debtor payments and settlements all come through here).
 */

export type LockedCase = Awaited<ReturnType<typeof lockCase>>;

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

/** The ledger's sum for a case: what the debtor owes now (negative = a credit on the case). */
export async function sumLedgerOre(tx: Executor, companyId: string, caseId: string): Promise<number> {
  const [row] = await tx
    .select({ total: sql<number>`coalesce(sum(${ledgerEntries.amountOre}), 0)`.mapWith(Number) })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.companyId, companyId), eq(ledgerEntries.caseId, caseId)));
  return row?.total ?? 0;
}

/**
 * What is still owed per component. Claims are posted by kind; a payment row says what it covered. Payments
 * and credit notes from before allocation existed (covers is null) reduce the principal, as the creditor meant.
 */
export async function outstandingByComponent(tx: Executor, companyId: string, caseId: string): Promise<Outstanding> {
  const component = sql<string>`case
    when ${ledgerEntries.kind} in ('principal', 'interest', 'fee') then ${ledgerEntries.kind}::text
    else coalesce(${ledgerEntries.covers}::text, 'principal') end`;
  const rows = await tx
    .select({ component, total: sql<number>`coalesce(sum(${ledgerEntries.amountOre}), 0)`.mapWith(Number) })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.companyId, companyId), eq(ledgerEntries.caseId, caseId)))
    .groupBy(component);
  const owed: Outstanding = { principal: 0, interest: 0, fee: 0 };
  for (const row of rows) if (row.component in owed) owed[row.component as ClaimComponent] = Math.max(0, row.total);
  return owed;
}

export type LedgerPosting = {
  kind: 'principal' | 'interest' | 'fee' | 'payment' | 'credit_note';
  amountOre: number;
  bookedOn: string;
  currency?: string;
  invoiceId?: string | null;
  covers?: PaymentComponent | null;
  feeKind?: FeeKind | null;
  debtorPaymentId?: string | null;
  createdByUserId?: string | null;
  idempotencyKey?: string | null;
};

/** Posts entries on a case the caller has locked, then sets the cached balance to the sum; returns the balance. */
export async function postEntries(tx: Tx, locked: LockedCase, postings: LedgerPosting[]): Promise<number> {
  if (postings.length > 0) {
    await tx.insert(ledgerEntries).values(
      postings.map((p) => ({
        companyId: locked.companyId,
        caseId: locked.id,
        kind: p.kind,
        amountOre: p.amountOre,
        bookedOn: p.bookedOn,
        currency: p.currency ?? locked.currency,
        invoiceId: p.invoiceId ?? null,
        covers: p.covers ?? null,
        feeKind: p.feeKind ?? null,
        debtorPaymentId: p.debtorPaymentId ?? null,
        createdByUserId: p.createdByUserId ?? null,
        idempotencyKey: p.idempotencyKey ?? null,
      })),
    );
  }
  return refreshCaseBalance(tx, locked.companyId, locked.id);
}

/** The entry already booked with this idempotency key in the company (a double submit), or null. */
export async function findByIdempotencyKey(tx: Tx, companyId: string, key: string) {
  const [row] = await tx
    .select({ caseId: ledgerEntries.caseId, kind: ledgerEntries.kind, amountOre: ledgerEntries.amountOre })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.companyId, companyId), eq(ledgerEntries.idempotencyKey, key)));
  return row ?? null;
}

async function refreshCaseBalance(tx: Tx, companyId: string, caseId: string): Promise<number> {
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
 * Posts entries on many locked cases at once (the collection engine's batches, the demo's registrations) and
 * sets each one's cached balance to its ledger sum in one statement. The caller holds the row locks of every
 * case in `caseIds` (or inserted them in its transaction).
 */
export async function postEntriesForCases(tx: Tx, caseIds: string[], postings: (LedgerPosting & { companyId: string; caseId: string })[]) {
  if (postings.length > 0) {
    await tx.insert(ledgerEntries).values(
      postings.map((p) => ({
        companyId: p.companyId,
        caseId: p.caseId,
        kind: p.kind,
        amountOre: p.amountOre,
        bookedOn: p.bookedOn,
        currency: p.currency ?? 'NOK',
        invoiceId: p.invoiceId ?? null,
        covers: p.covers ?? null,
        feeKind: p.feeKind ?? null,
        debtorPaymentId: p.debtorPaymentId ?? null,
        createdByUserId: p.createdByUserId ?? null,
        idempotencyKey: p.idempotencyKey ?? null,
      })),
    );
  }
  if (caseIds.length === 0) return;
  await tx.execute(sql`update ${cases} c set balance_ore = s.total, updated_at = now()
    from (select l.case_id, sum(l.amount_ore) as total from ${ledgerEntries} l
          where l.case_id in (${sql.join(
            caseIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}) group by l.case_id) s
    where c.id = s.case_id`);
}
