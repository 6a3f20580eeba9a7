import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { caseCollection, cases, companies, debtors, invoices, ledgerEntries, letters } from '@/db/schema';
import type { LetterContent } from '@/db/schema/engine';
import type { Outstanding } from '@/lib/ledger/components';
import { agreementFrom, pauseShiftDays, type CaseSnapshot, type CollectionAgreement, type EngineLetterKind } from './rules';

// Reads a batch of cases, locked, into the pure module's snapshots (one query per table for the whole batch).

export type LoadedCase = {
  id: string;
  companyId: string;
  caseNumber: number;
  stage: string;
  kid: string;
  currency: string;
  snapshot: CaseSnapshot;
  agreement: CollectionAgreement;
  content: Omit<LetterContent, 'newFees'>;
  hasState: boolean;
};

const ids = (list: string[]) => sql.join(list.map((id) => sql`${id}::uuid`), sql`, `);

/**
 * Locks the active cases among `caseIds` (SKIP LOCKED: a case another worker holds is left to it) and reads
 * everything the rules need. `today` closes an ongoing pause's days into the shift (a resumed case has them stored).
 */
export async function loadLockedCases(tx: Tx, caseIds: string[], today: string, statuses: ('active' | 'paused')[] = ['active']): Promise<LoadedCase[]> {
  if (caseIds.length === 0) return [];
  const rows = await tx
    .select({
      id: cases.id,
      companyId: cases.companyId,
      caseNumber: cases.caseNumber,
      status: cases.status,
      stage: cases.stage,
      kid: cases.kid,
      currency: cases.currency,
      dueOn: cases.dueOn,
      balanceOre: cases.balanceOre,
      debtor: { name: debtors.name, kind: debtors.kind, addressLine: debtors.addressLine, postcode: debtors.postcode, city: debtors.city },
      company: { name: companies.name, organisationNumber: companies.organisationNumber, vatRegistered: companies.vatRegistered, agreement: companies.collectionAgreement },
    })
    .from(cases)
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .innerJoin(companies, eq(companies.id, cases.companyId))
    .where(and(inArray(cases.id, caseIds), inArray(cases.status, statuses)))
    .orderBy(asc(cases.id))
    .for('update', { of: cases, skipLocked: true });
  if (rows.length === 0) return [];
  const locked = rows.map((row) => row.id);
  const [states, sent, owedRows, invoiceRows] = await Promise.all([
    tx.select().from(caseCollection).where(inArray(caseCollection.caseId, locked)),
    tx
      .select({ caseId: letters.caseId, kind: letters.kind, sentOn: letters.sentOn, deadlineOn: letters.deadlineOn, feeOre: letters.newFeeOre })
      .from(letters)
      .where(inArray(letters.caseId, locked))
      .orderBy(asc(letters.sentOn), asc(letters.createdAt)),
    tx.execute<{ case_id: string; component: string; total: string }>(sql`select case_id, case when kind in ('principal', 'interest', 'fee') then kind::text
        else coalesce(covers::text, 'principal') end as component, sum(amount_ore) as total
      from ${ledgerEntries} where case_id in (${ids(locked)}) group by 1, 2`),
    tx
      .select({ caseId: invoices.caseId, invoiceNumber: invoices.invoiceNumber, issuedOn: invoices.issuedOn, dueOn: invoices.dueOn, amountOre: invoices.amountOre })
      .from(invoices)
      .where(inArray(invoices.caseId, locked))
      .orderBy(asc(invoices.dueOn)),
  ]);
  const stateOf = new Map(states.map((state) => [state.caseId, state]));
  const owedOf = new Map<string, Outstanding>();
  for (const row of (owedRows as unknown as { rows?: unknown[] }).rows ?? (owedRows as unknown as unknown[])) {
    const { case_id: caseId, component, total } = row as { case_id: string; component: string; total: string };
    const owed = owedOf.get(caseId) ?? { principal: 0, interest: 0, fee: 0 };
    if (component in owed) owed[component as keyof Outstanding] = Math.max(0, Number(total));
    owedOf.set(caseId, owed);
  }
  return rows.map((row) => {
    const state = stateOf.get(row.id);
    return {
      id: row.id,
      companyId: row.companyId,
      caseNumber: row.caseNumber,
      stage: row.stage,
      kid: row.kid,
      currency: row.currency,
      hasState: Boolean(state),
      agreement: agreementFrom(row.company.agreement),
      content: {
        creditor: { name: row.company.name, organisationNumber: row.company.organisationNumber },
        debtor: row.debtor,
        invoices: invoiceRows.filter((invoice) => invoice.caseId === row.id).map((invoice) => ({ invoiceNumber: invoice.invoiceNumber, issuedOn: invoice.issuedOn, dueOn: invoice.dueOn, amountOre: invoice.amountOre })),
        caseNumber: row.caseNumber,
      },
      snapshot: {
        status: row.status,
        dueOn: row.dueOn,
        businessDebtor: row.debtor.kind === 'company',
        creditorVatRegistered: row.company.vatRegistered,
        disputed: Boolean(state?.disputedAt),
        legalConfirmed: Boolean(state?.legalConfirmedAt),
        pausedDays: pauseShiftDays(state?.pausedDays ?? 0, state?.pausedOn ?? null, today),
        letters: sent.filter((letter) => letter.caseId === row.id).map((letter) => ({ ...letter, kind: letter.kind as EngineLetterKind })),
        owed: owedOf.get(row.id) ?? { principal: 0, interest: 0, fee: 0 },
        balanceOre: row.balanceOre,
        interestBookedToOn: state?.interestBookedToOn ?? null,
        interestCarryUnits: state?.interestCarryUnits ?? 0n,
        compensationBooked: state?.compensationBooked ?? false,
      },
    };
  });
}
