import type { ClaimTables } from './claim';
import { plusMonths } from './dates';
import { halfYearRow, halfYearStart, type InterestRate } from './tables';

/**
 * The tables a plan or a postponement is priced with. Its days run into half-years whose rate Norges Bank has not
 * set yet (a plan asked for in December reaches into next year); those take the rate in force today, as an
 * estimate the page names (`estimatedFrom`). Only the future is filled: a half-year up to today without its rate
 * still fails, as it does for a letter.
 */
export function withProjectedRates(
  tables: ClaimTables,
  today: string,
  untilOn: string,
): { tables: ClaimTables; estimatedFrom: string | null } {
  const current = halfYearRow(tables.rates, today);
  if (!current) return { tables, estimatedFrom: null };
  const added: InterestRate[] = [];
  for (let start = plusMonths(halfYearStart(today), 6); start <= untilOn; start = plusMonths(start, 6)) {
    if (!halfYearRow(tables.rates, start)) added.push({ validFrom: start, rateBasisPoints: current.rateBasisPoints });
  }
  if (added.length === 0) return { tables, estimatedFrom: null };
  const rates = [...tables.rates, ...added].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  return { tables: { ...tables, rates }, estimatedFrom: added[0]!.validFrom };
}
