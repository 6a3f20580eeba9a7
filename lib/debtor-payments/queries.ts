import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { cases, companies, debtorPayments, remittanceSlips } from '@/db/schema';

const LIMIT = 100;

/** The agency's unmatched payments, oldest first: money that must be assigned to a case by hand. Staff only. */
export async function listUnmatchedPayments() {
  return db
    .select({
      id: debtorPayments.id,
      paidOn: debtorPayments.paidOn,
      kid: debtorPayments.kid,
      amountOre: debtorPayments.amountOre,
      payer: debtorPayments.payer,
      bankReference: debtorPayments.bankReference,
      reason: debtorPayments.unmatchedReason,
    })
    .from(debtorPayments)
    .where(eq(debtorPayments.status, 'unmatched'))
    .orderBy(debtorPayments.createdAt)
    .limit(LIMIT);
}

/** The latest allocated payments with their split and any credit left on the case. Staff only. */
export async function listAllocatedPayments() {
  return db
    .select({
      id: debtorPayments.id,
      paidOn: debtorPayments.paidOn,
      amountOre: debtorPayments.amountOre,
      caseNumber: cases.caseNumber,
      companyName: companies.name,
      principalOre: debtorPayments.principalOre,
      interestOre: debtorPayments.interestOre,
      feeOre: debtorPayments.feeOre,
      creditOre: debtorPayments.creditOre,
    })
    .from(debtorPayments)
    .innerJoin(cases, eq(cases.id, debtorPayments.caseId))
    .innerJoin(companies, eq(companies.id, debtorPayments.companyId))
    .where(and(eq(debtorPayments.status, 'allocated')))
    .orderBy(desc(debtorPayments.allocatedAt))
    .limit(LIMIT);
}

/** Companies for the desk's settlement run, with their latest slips. Staff only. */
export async function listSettlementCompanies() {
  const all = await db
    .select({ id: companies.id, name: companies.name, weekday: companies.settlementWeekday })
    .from(companies)
    .orderBy(companies.name);
  const slips = await db
    .select({
      id: remittanceSlips.id,
      companyId: remittanceSlips.companyId,
      slipNumber: remittanceSlips.slipNumber,
      settledOn: remittanceSlips.settledOn,
      netOre: remittanceSlips.netOre,
    })
    .from(remittanceSlips)
    .orderBy(desc(remittanceSlips.settledOn))
    .limit(LIMIT);
  return all.map((company) => ({ ...company, slips: slips.filter((slip) => slip.companyId === company.id).slice(0, 3) }));
}
