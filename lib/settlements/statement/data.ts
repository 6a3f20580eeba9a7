// No 'server-only': tests read the statement as the pages and the PDF routes do.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { cases, companies, debtors, invoices, ledgerEntries, letters, remittanceItems, remittanceLines } from '@/db/schema';

export type CaseStatement = {
  caseNumber: number;
  currency: string;
  status: 'closed' | 'withdrawn';
  closedAt: Date | null;
  creditor: { name: string; organisationNumber: string };
  debtorName: string;
  invoices: { invoiceNumber: string; amountOre: number }[];
  /** What the debtor was charged, by component; fees by the kind the letter that charged them says. */
  charged: { principalOre: number; interestOre: number; fees: { feeKind: string; amountOre: number }[]; feesOre: number; totalOre: number };
  creditedOre: number;
  /** Paid by the debtor: to the agency (by KID) and straight to the creditor (registered by the creditor). */
  paid: { toAgencyOre: number; toCreditorOre: number };
  /** From the settlements of this case's payments: the agency's fee, its VAT, and what was paid out. */
  settled: { agencyFeeOre: number; vatOre: number; paidOutOre: number };
  /** Payments to the agency that no settlement has covered yet. */
  unsettledOre: number;
  /** Still owed when the case ended (written off or taken back by the creditor); negative: a credit. */
  outstandingOre: number;
};

/** Fees not charged by a letter (or corrections of them): shown as one line. */
export const OTHER_FEES = 'other';

/**
 * The statement of inkassoloven § 15 for an ended (closed or withdrawn) case of the company: what was charged,
 * what was paid, what the agency kept and what the creditor was paid out, all from the ledger, the letters and
 * the remittance lines. Null for a case that has not ended or is not the company's.
 */
export async function loadCaseStatement(executor: Executor, companyId: string, caseId: string): Promise<CaseStatement | null> {
  const [row] = await executor
    .select({
      caseNumber: cases.caseNumber,
      currency: cases.currency,
      status: cases.status,
      closedAt: cases.closedAt,
      creditorName: companies.name,
      organisationNumber: companies.organisationNumber,
      debtorName: debtors.name,
    })
    .from(cases)
    .innerJoin(companies, eq(companies.id, cases.companyId))
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .where(and(eq(cases.companyId, companyId), eq(cases.id, caseId)));
  if (!row || (row.status !== 'closed' && row.status !== 'withdrawn')) return null;
  const scope = and(eq(ledgerEntries.companyId, companyId), eq(ledgerEntries.caseId, caseId));
  const [sums, invoiceRows, letterRows, settledRows, unsettled] = await Promise.all([
    executor
      .select({
        kind: ledgerEntries.kind,
        toAgency: sql<boolean>`${ledgerEntries.debtorPaymentId} is not null`,
        total: sql<number>`sum(${ledgerEntries.amountOre})`.mapWith(Number),
      })
      .from(ledgerEntries)
      .where(scope)
      .groupBy(ledgerEntries.kind, sql`${ledgerEntries.debtorPaymentId} is not null`),
    executor
      .select({ invoiceNumber: invoices.invoiceNumber, amountOre: invoices.amountOre })
      .from(invoices)
      .where(and(eq(invoices.companyId, companyId), eq(invoices.caseId, caseId)))
      .orderBy(asc(invoices.issuedOn)),
    executor
      .select({ content: letters.content })
      .from(letters)
      .where(and(eq(letters.companyId, companyId), eq(letters.caseId, caseId))),
    executor
      .select({
        agencyFeeOre: sql<number>`coalesce(sum(${remittanceLines.agencyFeeOre}), 0)`.mapWith(Number),
        vatOre: sql<number>`coalesce(sum(${remittanceLines.vatOre}), 0)`.mapWith(Number),
        netOre: sql<number>`coalesce(sum(${remittanceLines.netOre}), 0)`.mapWith(Number),
      })
      .from(remittanceLines)
      .where(and(eq(remittanceLines.companyId, companyId), eq(remittanceLines.caseId, caseId), eq(remittanceLines.isDirectPayment, false))),
    executor
      .select({ total: sql<number>`coalesce(-sum(${ledgerEntries.amountOre}), 0)`.mapWith(Number) })
      .from(ledgerEntries)
      .leftJoin(remittanceItems, eq(remittanceItems.ledgerEntryId, ledgerEntries.id))
      .where(
        and(
          scope,
          eq(ledgerEntries.kind, 'payment'),
          sql`${ledgerEntries.debtorPaymentId} is not null`,
          sql`coalesce(${ledgerEntries.covers}::text, '') <> 'credit'`,
          isNull(remittanceItems.ledgerEntryId),
        ),
      ),
  ]);
  const sum = (kind: string, toAgency?: boolean) =>
    sums.filter((s) => s.kind === kind && (toAgency === undefined || s.toAgency === toAgency)).reduce((total, s) => total + s.total, 0);
  const feesOre = sum('fee');
  const byKind = new Map<string, number>();
  for (const letter of letterRows)
    for (const fee of letter.content.newFees) byKind.set(fee.feeKind, (byKind.get(fee.feeKind) ?? 0) + fee.amountOre);
  const fees = [...byKind].map(([feeKind, amountOre]) => ({ feeKind, amountOre }));
  const rest = feesOre - fees.reduce((total, fee) => total + fee.amountOre, 0);
  if (rest !== 0) fees.push({ feeKind: OTHER_FEES, amountOre: rest });
  const charged = {
    principalOre: sum('principal'),
    interestOre: sum('interest'),
    fees,
    feesOre,
    totalOre: sum('principal') + sum('interest') + feesOre,
  };
  const settled = settledRows[0] ?? { agencyFeeOre: 0, vatOre: 0, netOre: 0 };
  const ledgerTotal = sums.reduce((total, s) => total + s.total, 0);
  return {
    caseNumber: row.caseNumber,
    currency: row.currency,
    status: row.status,
    closedAt: row.closedAt,
    creditor: { name: row.creditorName, organisationNumber: row.organisationNumber },
    debtorName: row.debtorName,
    invoices: invoiceRows,
    charged,
    creditedOre: 0 - sum('credit_note'), // 0 − x: never -0
    paid: { toAgencyOre: 0 - sum('payment', true), toCreditorOre: 0 - sum('payment', false) },
    settled: { agencyFeeOre: settled.agencyFeeOre, vatOre: settled.vatOre, paidOutOre: settled.netOre },
    unsettledOre: unsettled[0]?.total ?? 0,
    outstandingOre: ledgerTotal,
  };
}
