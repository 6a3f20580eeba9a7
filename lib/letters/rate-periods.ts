import { rateOn, type InterestRate } from '@/lib/engine/rules';
import { plusDays } from '@/lib/engine/rules/dates';

export type RatePeriod = { fromOn: string; toOn: string | null; basisPoints: number };

/**
 * The interest rates that applied from `fromOn` up to `untilOn` (exclusive, the letter's date), one period per
 * rate: half-years with the same rate are one period, the last period is open (the interest runs on). Empty when
 * a day has no rate (the letter then states only the rate it stored).
 */
export function ratePeriods(fromOn: string, untilOn: string, rates: readonly InterestRate[]): RatePeriod[] {
  const starts = [fromOn, ...rates.map((rate) => rate.validFrom).filter((day) => day > fromOn && day < untilOn)].sort();
  const periods: RatePeriod[] = [];
  for (const start of starts) {
    const basisPoints = rateOn(start, rates);
    if (basisPoints === null) return [];
    const last = periods.at(-1);
    if (last?.basisPoints === basisPoints) continue;
    if (last) last.toOn = plusDays(start, -1);
    periods.push({ fromOn: start, toOn: null, basisPoints });
  }
  return periods;
}
