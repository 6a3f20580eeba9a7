import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { caseCollection, feeRates, interestRates, rateCorrectionReconciliations, rateCorrections } from '@/db/schema';
import { COLLECTION_RATE, INTEREST_RATES, STANDARD_COMPENSATION } from '@/lib/engine/rules';
import { loadTables } from '@/lib/engine/tables';
import type { RateKind } from './schemas';
import { missingRates } from './warnings';

/** `reconciledCases`: how many cases its job reconciled; null while the job is queued or running. */
export type RateCorrection = { previousValue: number; source: string; createdAt: Date; reconciledCases: number | null };
export type RateRow = {
  kind: RateKind;
  validFrom: string;
  value: number;
  origin: 'code' | 'desk';
  source: string | null;
  assumption: boolean;
  corrections: RateCorrection[];
};

/** Every rate the engine uses, by kind and date: the code's rows and the ones entered on the desk. */
export async function listRates(): Promise<RateRow[]> {
  const [added, fees, corrections] = await Promise.all([
    db.select().from(interestRates).orderBy(asc(interestRates.validFrom)),
    db.select().from(feeRates).orderBy(asc(feeRates.validFrom)),
    db
      .select({
        kind: rateCorrections.kind,
        validFrom: rateCorrections.validFrom,
        value: rateCorrections.value,
        previousValue: rateCorrections.previousValue,
        source: rateCorrections.source,
        createdAt: rateCorrections.createdAt,
        reconciledCases: rateCorrectionReconciliations.caseCount,
      })
      .from(rateCorrections)
      .leftJoin(rateCorrectionReconciliations, eq(rateCorrectionReconciliations.correctionId, rateCorrections.id))
      .orderBy(asc(rateCorrections.createdAt)),
  ]);
  const code = (kind: RateKind, rows: readonly { validFrom: string; rateBasisPoints?: number; amountOre?: number }[]): RateRow[] =>
    rows.map((row) => ({
      kind,
      validFrom: row.validFrom,
      value: row.rateBasisPoints ?? row.amountOre ?? 0,
      origin: 'code',
      source: null,
      assumption: false,
      corrections: [],
    }));
  // A desk row shows its newest corrected figure, and each correction (what it was, when, why) under its source.
  const correctedDesk = (row: Omit<RateRow, 'corrections' | 'origin'>): RateRow => {
    const own = corrections.filter((c) => c.kind === row.kind && c.validFrom === row.validFrom);
    return {
      ...row,
      origin: 'desk',
      value: own.at(-1)?.value ?? row.value,
      corrections: own.map((c) => ({
        previousValue: c.previousValue,
        source: c.source,
        createdAt: c.createdAt,
        reconciledCases: c.reconciledCases,
      })),
    };
  };
  const rows: RateRow[] = [
    ...code('interest', INTEREST_RATES),
    ...code('standard_compensation', STANDARD_COMPENSATION),
    ...code('collection_rate', COLLECTION_RATE),
    ...added.map((row) =>
      correctedDesk({
        kind: 'interest',
        validFrom: row.validFrom,
        value: row.rateBasisPoints,
        source: row.source,
        assumption: row.assumption,
      }),
    ),
    ...fees.map((row) =>
      correctedDesk({ kind: row.kind, validFrom: row.validFrom, value: row.amountOre, source: row.source, assumption: row.assumption }),
    ),
  ];
  return rows.sort((a, b) => b.validFrom.localeCompare(a.validFrom));
}

/** The desk's warning on every desk page: the half-years without a rate (two small tables, read per page). */
export async function rateWarnings(today: string) {
  return missingRates(await loadTables(db), today);
}

/** Cases the engine has stopped for want of an interest rate (the Satser page only: it counts across companies). */
export async function casesStoppedForRate(): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(caseCollection)
    .where(eq(caseCollection.errorCode, 'missingInterestRate'));
  return row?.n ?? 0;
}
