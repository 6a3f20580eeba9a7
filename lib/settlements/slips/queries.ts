import 'server-only';
import { and, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import { db, readDb } from '@/db';
import { companies, remittanceSlips } from '@/db/schema';
import type { SlipListParams } from './schemas';
import { loadSlips, slipColumns } from './slip-data';

export type { SlipWithLines } from './slip-data';

const LIST_LIMIT = 500;

/** The slips of the given companies (the gate's companyIds) in the date range, newest first (the replica: lag is fine). */
export async function listSlips(companyIds: string[], params: SlipListParams) {
  if (companyIds.length === 0) return [];
  return readDb
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
  return loadSlips(db, companyIds, slipIds);
}
