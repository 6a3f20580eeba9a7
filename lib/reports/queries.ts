import 'server-only';
import { and, asc, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import { db } from '@/db';
import { companies, remittanceLines, remittanceSlips } from '@/db/schema';
import type { SlipListParams } from './schemas';

const LIST_LIMIT = 500;

const slipColumns = {
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
};

export type SlipSummary = Awaited<ReturnType<typeof listSlips>>[number];

/** The slips of the given companies (the gate's companyIds) in the date range, newest first. */
export async function listSlips(companyIds: string[], params: SlipListParams) {
  if (companyIds.length === 0) return [];
  return db
    .select(slipColumns)
    .from(remittanceSlips)
    .innerJoin(companies, eq(companies.id, remittanceSlips.companyId))
    .where(
      and(
        inArray(remittanceSlips.companyId, companyIds),
        params.from ? gte(remittanceSlips.settledOn, params.from) : undefined,
        params.to ? lte(remittanceSlips.settledOn, params.to) : undefined,
      ),
    )
    .orderBy(desc(remittanceSlips.settledOn), desc(remittanceSlips.slipNumber))
    .limit(LIST_LIMIT);
}

/** Slips by id, only among the given companies: another company's id is simply not there. */
export async function getSlips(companyIds: string[], slipIds: string[]) {
  if (companyIds.length === 0 || slipIds.length === 0) return [];
  const slips = await db
    .select(slipColumns)
    .from(remittanceSlips)
    .innerJoin(companies, eq(companies.id, remittanceSlips.companyId))
    .where(and(inArray(remittanceSlips.companyId, companyIds), inArray(remittanceSlips.id, slipIds)))
    .orderBy(asc(remittanceSlips.settledOn), asc(remittanceSlips.slipNumber));
  if (slips.length === 0) return [];
  const lines = await db
    .select()
    .from(remittanceLines)
    .where(and(inArray(remittanceLines.companyId, companyIds), inArray(remittanceLines.slipId, slips.map((s) => s.id))))
    .orderBy(asc(remittanceLines.isDirectPayment), asc(remittanceLines.caseNumber));
  return slips.map((slip) => ({ ...slip, lines: lines.filter((line) => line.slipId === slip.id) }));
}

export type SlipWithLines = Awaited<ReturnType<typeof getSlips>>[number];
