import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { companies, remittanceLines, remittanceSlips } from '@/db/schema';

export const slipColumns = {
  id: remittanceSlips.id,
  companyId: remittanceSlips.companyId,
  companyName: companies.name,
  companyOrganisationNumber: companies.organisationNumber,
  slipNumber: remittanceSlips.slipNumber,
  settledOn: remittanceSlips.settledOn,
  payoutAccountNumber: remittanceSlips.payoutAccountNumber,
  bankReference: remittanceSlips.bankReference,
  caseCount: remittanceSlips.caseCount,
  grossOre: remittanceSlips.grossOre,
  principalOre: remittanceSlips.principalOre,
  interestOre: remittanceSlips.interestOre,
  agencyFeeOre: remittanceSlips.agencyFeeOre,
  vatOre: remittanceSlips.vatOre,
  netOre: remittanceSlips.netOre,
  directPaymentsOre: remittanceSlips.directPaymentsOre,
  carriedInOre: remittanceSlips.carriedInOre,
  carriedOutOre: remittanceSlips.carriedOutOre,
};

/** Slips with their lines by id, only among the given companies: another company's id is simply not there. */
export async function loadSlips(executor: Executor, companyIds: string[], slipIds: string[]) {
  if (companyIds.length === 0 || slipIds.length === 0) return [];
  const slips = await executor
    .select(slipColumns)
    .from(remittanceSlips)
    .innerJoin(companies, eq(companies.id, remittanceSlips.companyId))
    .where(and(inArray(remittanceSlips.companyId, companyIds), inArray(remittanceSlips.id, slipIds)))
    .orderBy(asc(remittanceSlips.settledOn), asc(remittanceSlips.slipNumber));
  if (slips.length === 0) return [];
  const lines = await executor
    .select()
    .from(remittanceLines)
    .where(
      and(
        inArray(remittanceLines.companyId, companyIds),
        inArray(
          remittanceLines.slipId,
          slips.map((s) => s.id),
        ),
      ),
    )
    .orderBy(asc(remittanceLines.isDirectPayment), asc(remittanceLines.caseNumber));
  return slips.map((slip) => ({ ...slip, lines: lines.filter((line) => line.slipId === slip.id) }));
}

export type SlipWithLines = Awaited<ReturnType<typeof loadSlips>>[number];
