import { asc } from 'drizzle-orm';
import type { Executor } from '@/db';
import { feeRates, interestRates, rateCorrections } from '@/db/schema';
import { COLLECTION_RATE, INTEREST_RATES, STANDARD_COMPENSATION, type DatedAmount, type Tables } from './rules';

/** A code table plus the rows the agency entered on the desk; a code row always wins its date. */
function merged<T extends { validFrom: string }>(code: readonly T[], added: readonly T[]): T[] {
  const known = new Set(code.map((row) => row.validFrom));
  return [...code, ...added.filter((row) => !known.has(row.validFrom))].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

/**
 * The code's tables plus the rates, standardkompensasjon and inkassosats the agency entered on the desk, each at
 * its newest correction (rate_corrections: a correction is a new entry, the row keeps its first figure).
 */
export async function loadTables(tx: Executor): Promise<Tables> {
  const [rates, fees, corrections] = await Promise.all([
    tx
      .select({ validFrom: interestRates.validFrom, rateBasisPoints: interestRates.rateBasisPoints })
      .from(interestRates)
      .orderBy(asc(interestRates.validFrom)),
    tx
      .select({ kind: feeRates.kind, validFrom: feeRates.validFrom, amountOre: feeRates.amountOre })
      .from(feeRates)
      .orderBy(asc(feeRates.validFrom)),
    tx
      .select({ kind: rateCorrections.kind, validFrom: rateCorrections.validFrom, value: rateCorrections.value })
      .from(rateCorrections)
      .orderBy(asc(rateCorrections.createdAt)),
  ]);
  // Oldest first, so the newest correction of a kind and date is the one left in the map.
  const corrected = new Map(corrections.map((row) => [`${row.kind}:${row.validFrom}`, row.value]));
  const ofKind = (kind: (typeof fees)[number]['kind']): DatedAmount[] =>
    fees
      .filter((row) => row.kind === kind)
      .map(({ validFrom, amountOre }) => ({ validFrom, amountOre: corrected.get(`${kind}:${validFrom}`) ?? amountOre }));
  return {
    rates: merged(
      INTEREST_RATES,
      rates.map(({ validFrom, rateBasisPoints }) => ({
        validFrom,
        rateBasisPoints: corrected.get(`interest:${validFrom}`) ?? rateBasisPoints,
      })),
    ),
    collectionRate: merged(COLLECTION_RATE, ofKind('collection_rate')),
    compensation: merged(STANDARD_COMPENSATION, ofKind('standard_compensation')),
  };
}
