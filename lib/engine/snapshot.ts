import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { executeRows } from '@/db/client';
import {
  caseCollection,
  cases,
  companies,
  debtorPayments,
  debtors,
  invoices,
  ledgerEntries,
  letters,
  paymentArrangements,
  planInstalments,
} from '@/db/schema';
import type { LetterContent } from '@/db/schema/engine';
import { orderForStage, type AllocationOrder, type Stage } from '@/lib/allocation/order';
import { todayInOslo } from '@/lib/dates';
import type { PaymentComponent, Split } from '@/lib/ledger/components';
import {
  agreementFrom,
  type ArrangementSnapshot,
  EMPTY_BOOKED,
  FEE_KINDS,
  pauseShiftDays,
  type Booked,
  type CaseSnapshot,
  type ClaimPayment,
  type CollectionAgreement,
  type EngineLetterKind,
  type FeeKind,
} from './rules';

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

const ids = (list: string[]) =>
  sql.join(
    list.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * Locks the active cases among `caseIds` (SKIP LOCKED: a case another worker holds is left to it) and reads
 * everything the rules need. `today` closes an ongoing pause's days into the shift (a resumed case has them stored).
 */
export async function loadLockedCases(
  tx: Tx,
  caseIds: string[],
  today: string,
  statuses: ('active' | 'paused')[] = ['active'],
): Promise<LoadedCase[]> {
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
      company: {
        name: companies.name,
        organisationNumber: companies.organisationNumber,
        vatRegistered: companies.vatRegistered,
        agreement: companies.collectionAgreement,
        allocationOrder: companies.allocationOrder,
      },
    })
    .from(cases)
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .innerJoin(companies, eq(companies.id, cases.companyId))
    .where(and(inArray(cases.id, caseIds), inArray(cases.status, statuses)))
    .orderBy(asc(cases.id))
    .for('update', { of: cases, skipLocked: true });
  if (rows.length === 0) return [];
  const locked = rows.map((row) => row.id);
  // The ledger's and the invoices' indexes lead with the company (company_id, case_id): without it in the WHERE
  // clause each read was a scan of the whole table, ~0.4 s per case at 1M cases (the case page's claim, every run).
  const companyIds = [...new Set(rows.map((row) => row.companyId))];
  const [states, sent, ledgerRows, paymentRows, invoiceRows, arrangementsOf] = await Promise.all([
    tx.select().from(caseCollection).where(inArray(caseCollection.caseId, locked)),
    tx
      .select({ caseId: letters.caseId, kind: letters.kind, sentOn: letters.sentOn, deadlineOn: letters.deadlineOn })
      .from(letters)
      .where(inArray(letters.caseId, locked))
      .orderBy(asc(letters.sentOn), asc(letters.createdAt)),
    // The ledger's sums; the creditor's own payments and credit notes one by one (each row is the fact, by its value date).
    executeRows<LedgerSum>(
      tx,
      sql`select case_id, kind, fee_kind, covers, debtor_payment_id, direct_id, direct_on, sum(amount_ore) as total
      from (select *, case when kind in ('payment', 'credit_note') and debtor_payment_id is null then id end as direct_id,
        case when kind in ('payment', 'credit_note') and debtor_payment_id is null then booked_on::text end as direct_on
        from ${ledgerEntries} where company_id in (${ids(companyIds)}) and case_id in (${ids(locked)})) e group by 1, 2, 3, 4, 5, 6, 7`,
    ),
    tx
      .select({ caseId: debtorPayments.caseId, id: debtorPayments.id, paidOn: debtorPayments.paidOn, amountOre: debtorPayments.amountOre })
      .from(debtorPayments)
      .where(and(inArray(debtorPayments.caseId, locked), eq(debtorPayments.status, 'allocated'))),
    tx
      .select({
        caseId: invoices.caseId,
        invoiceNumber: invoices.invoiceNumber,
        issuedOn: invoices.issuedOn,
        dueOn: invoices.dueOn,
        amountOre: invoices.amountOre,
      })
      .from(invoices)
      .where(and(inArray(invoices.companyId, companyIds), inArray(invoices.caseId, locked)))
      .orderBy(asc(invoices.dueOn)),
    loadArrangements(tx, locked),
  ]);
  const stateOf = new Map(states.map((state) => [state.caseId, state]));
  const sums = ledgerRows;
  const ledgerOf = bookedByCase(sums);
  const paymentsOf = new Map<string, ClaimPayment[]>();
  const addPayment = (caseId: string, payment: ClaimPayment) => paymentsOf.set(caseId, [...(paymentsOf.get(caseId) ?? []), payment]);
  for (const row of sums) {
    if (row.direct_id && row.direct_on)
      addPayment(row.case_id, {
        id: row.direct_id,
        source: row.kind === 'credit_note' ? 'credit_note' : 'direct',
        valueOn: row.direct_on,
        amountOre: -Number(row.total),
      });
  }
  for (const row of paymentRows)
    if (row.caseId) addPayment(row.caseId, { id: row.id, source: 'debtor', valueOn: row.paidOn, amountOre: row.amountOre });
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
        invoices: invoiceRows
          .filter((invoice) => invoice.caseId === row.id)
          .map((invoice) => ({
            invoiceNumber: invoice.invoiceNumber,
            issuedOn: invoice.issuedOn,
            dueOn: invoice.dueOn,
            amountOre: invoice.amountOre,
          })),
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
        disputedOn: state?.disputedAt ? todayInOslo(state.disputedAt) : null,
        costsWaivedOn: state?.costsWaivedOn ?? null,
        letters: sent
          .filter((letter) => letter.caseId === row.id)
          .map((letter) => ({ kind: letter.kind as EngineLetterKind, sentOn: letter.sentOn, deadlineOn: letter.deadlineOn })),
        principalOre: ledgerOf.get(row.id)?.principalOre ?? 0,
        payments: paymentsOf.get(row.id) ?? [],
        allocationOrder: allocationOrderOf(row.company.allocationOrder),
        booked: ledgerOf.get(row.id)?.booked ?? EMPTY_BOOKED,
        balanceOre: row.balanceOre,
        reconciledOn: state?.interestBookedToOn ?? null,
        arrangement: arrangementsOf.running.get(row.id) ?? null,
        planFee: arrangementsOf.planFees.get(row.id) ?? null,
      },
    };
  });
}

/**
 * The running (active) arrangement per case with its schedule, and the fee of the case's first started plan (it
 * stays part of the claim when the plan ends or breaks).
 */
async function loadArrangements(tx: Tx, caseIds: string[]) {
  const rows = await tx
    .select()
    .from(paymentArrangements)
    .where(and(inArray(paymentArrangements.caseId, caseIds), inArray(paymentArrangements.status, ['active', 'completed', 'broken'])))
    .orderBy(asc(paymentArrangements.createdAt));
  const running = new Map<string, ArrangementSnapshot>();
  const planFees = new Map<string, { onDate: string; amountOre: number }>();
  const active = rows.filter((row) => row.status === 'active');
  const schedule = active.length
    ? await tx
        .select()
        .from(planInstalments)
        .where(
          inArray(
            planInstalments.arrangementId,
            active.map((row) => row.id),
          ),
        )
        .orderBy(asc(planInstalments.number))
    : [];
  for (const row of rows) {
    if (row.kind === 'plan' && !planFees.has(row.caseId)) planFees.set(row.caseId, { onDate: row.startsOn, amountOre: row.planFeeOre });
    if (row.status !== 'active') continue;
    running.set(row.caseId, {
      id: row.id,
      kind: row.kind,
      startsOn: row.startsOn,
      untilOn: row.untilOn,
      instalments: schedule
        .filter((item) => item.arrangementId === row.id)
        .map((item) => ({ number: item.number, dueOn: item.dueOn, amountOre: item.amountOre, noticeSentOn: item.noticeSentOn })),
    });
  }
  return { running, planFees };
}

type LedgerSum = {
  case_id: string;
  kind: string;
  fee_kind: FeeKind | null;
  covers: PaymentComponent | null;
  debtor_payment_id: string | null;
  direct_id: string | null;
  direct_on: string | null;
  total: string | number;
};

/** The ledger's sums per case: the principal registered, and what it holds of interest, fees and debtor payments' splits. */
function bookedByCase(rows: LedgerSum[]): Map<string, { principalOre: number; booked: Booked }> {
  const result = new Map<string, { principalOre: number; booked: Booked }>();
  for (const row of rows) {
    let entry = result.get(row.case_id);
    if (!entry) {
      entry = { principalOre: 0, booked: { interestOre: 0, fees: { ...EMPTY_BOOKED.fees }, allocations: new Map<string, Split>() } };
      result.set(row.case_id, entry);
    }
    const total = Number(row.total);
    if (row.kind === 'principal') entry.principalOre += total;
    else if (row.kind === 'interest') entry.booked.interestOre += total;
    else if (row.kind === 'fee') entry.booked.fees[row.fee_kind && FEE_KINDS.includes(row.fee_kind) ? row.fee_kind : 'unknown'] += total;
    else if (row.kind === 'payment' && row.debtor_payment_id) {
      const allocations = entry.booked.allocations as Map<string, Split>;
      const split = allocations.get(row.debtor_payment_id) ?? { principal: 0, interest: 0, fee: 0, credit: 0 };
      split[row.covers ?? 'principal'] -= total;
      allocations.set(row.debtor_payment_id, split);
    }
  }
  return result;
}

const STAGES: readonly Stage[] = ['reminder', 'notice', 'demand', 'legal', 'surveillance', 'closed'];

function allocationOrderOf(agreed: unknown): AllocationOrder {
  const stored = agreed && typeof agreed === 'object' ? (agreed as Record<string, unknown>) : null;
  return Object.fromEntries(STAGES.map((stage) => [stage, orderForStage(stage, stored)])) as AllocationOrder;
}
