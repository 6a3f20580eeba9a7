import 'server-only';
import type { SQL } from 'drizzle-orm';
import { readDb } from '@/db';
import { executeRows } from '@/db/client';
import { lastTwelveMonths } from './months';
import { caseFiguresSql, collectedByMonthSql } from './sql';

export type KeyFigures = {
  activeCases: number;
  outstandingOre: number;
  collectedThisMonthOre: number;
  collectedThisYearOre: number;
  /** Share of closed cases that closed as paid, 0–1; null with no closed case. */
  paidShare: number | null;
  /** Average whole days from registration to payment in full; null with none. */
  averageDaysToPayment: number | null;
  /** The last 12 months, oldest first. */
  collectedByMonth: { month: string; collectedOre: number }[];
};

type RawRow = Record<string, unknown>;

// Aggregates over history tolerate a second of lag: the replica when there is one.
const selectRows = (query: SQL) => executeRows<RawRow>(readDb, query);

/** Innsikt's key figures for `companyIds` (authorised by the caller), as of `today` in Oslo. */
export async function getKeyFigures(companyIds: readonly string[], today: string): Promise<KeyFigures> {
  const months = lastTwelveMonths(today);
  if (companyIds.length === 0) {
    return {
      activeCases: 0,
      outstandingOre: 0,
      collectedThisMonthOre: 0,
      collectedThisYearOre: 0,
      paidShare: null,
      averageDaysToPayment: null,
      collectedByMonth: months.map((month) => ({ month, collectedOre: 0 })),
    };
  }
  const yearStart = `${today.slice(0, 4)}-01`;
  // One ledger scan covers both the chart's 12 months and this year (whichever starts earlier).
  const from = yearStart < (months[0] ?? yearStart) ? yearStart : (months[0] ?? yearStart);
  const [[cases], collected] = await Promise.all([
    selectRows(caseFiguresSql(companyIds)),
    selectRows(collectedByMonthSql(companyIds, `${from}-01`, today)),
  ]);
  const byMonth = new Map(collected.map((row) => [String(row.month), Number(row.collected_ore)]));
  const closed = Number(cases?.closed_cases ?? 0);
  const average = cases?.avg_days_to_payment;
  return {
    activeCases: Number(cases?.active_cases ?? 0),
    outstandingOre: Number(cases?.outstanding_ore ?? 0),
    collectedThisMonthOre: byMonth.get(today.slice(0, 7)) ?? 0,
    collectedThisYearOre: [...byMonth].filter(([month]) => month >= yearStart).reduce((sum, [, ore]) => sum + ore, 0),
    paidShare: closed > 0 ? Number(cases?.closed_paid ?? 0) / closed : null,
    averageDaysToPayment: average == null ? null : Math.round(Number(average)),
    collectedByMonth: months.map((month) => ({ month, collectedOre: byMonth.get(month) ?? 0 })),
  };
}
