import { asc } from 'drizzle-orm';
import type { Executor } from '@/db';
import { interestRates } from '@/db/schema';
import { COLLECTION_RATE, INTEREST_RATES, STANDARD_COMPENSATION, type Tables } from './rules';

/** The code's tables plus the half-years the agency added after them (a code row always wins its date). */
export async function loadTables(tx: Executor): Promise<Tables> {
  const added = await tx.select({ validFrom: interestRates.validFrom, rateBasisPoints: interestRates.rateBasisPoints }).from(interestRates).orderBy(asc(interestRates.validFrom));
  const known = new Set(INTEREST_RATES.map((rate) => rate.validFrom));
  return {
    rates: [...INTEREST_RATES, ...added.filter((rate) => !known.has(rate.validFrom))],
    collectionRate: COLLECTION_RATE,
    compensation: STANDARD_COMPENSATION,
  };
}
