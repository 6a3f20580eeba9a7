import { dayNumber, halfYearEndDay, isLeapYear, isoFromDay, yearOfDay } from './dates';
import { INTEREST_RATES, type InterestRate } from './tables';

/** A day the rate table does not cover: the engine stops for the case instead of guessing. */
export class MissingInterestRateError extends RangeError {
  constructor(readonly onDate: string) {
    super(`No interest rate is known for ${onDate}`);
    this.name = 'MissingInterestRateError';
  }
}

/**
 * Exact interest is kept in units of 1 / (10 000 × 365 × 366) øre: a rate in basis points over days of a 365- or
 * 366-day year is then a whole number, so nothing is lost before the one rounding at booking.
 */
export const UNITS_PER_ORE = 10_000n * 365n * 366n;

/** Σ rate × days in exact units per øre of principal, day `from` inclusive to `to` exclusive. */
function weightedUnits(from: number, to: number, rates: readonly InterestRate[]): bigint {
  const periods = [...rates]
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom))
    .map((rate) => ({ start: dayNumber(rate.validFrom), basisPoints: BigInt(rate.rateBasisPoints) }));
  let units = 0n;
  let day = from;
  while (day < to) {
    const index = periods.findLastIndex((period) => period.start <= day);
    const period = periods[index];
    // A row is valid until the next row, and never past the end of its own half-year.
    const coveredUntil = period ? Math.min(periods[index + 1]?.start ?? Infinity, halfYearEndDay(period.start)) : day;
    if (!period || coveredUntil <= day) throw new MissingInterestRateError(isoFromDay(day));
    const year = yearOfDay(day);
    const end = Math.min(to, coveredUntil, Date.UTC(year + 1, 0, 1) / 86_400_000);
    // bp × days / yearDays / 10 000 øre per øre, over the common denominator 10 000 × 365 × 366.
    units += period.basisPoints * BigInt(end - day) * (isLeapYear(year) ? 365n : 366n);
    day = end;
  }
  return units;
}

/**
 * Rounding rule for interest: the exact amount (plus what earlier bookings left unrounded) is rounded to whole
 * øre half up, once per booking; the rest is carried to the next booking. So booking a period in any number of
 * pieces books exactly what booking it whole would, to the øre.
 */
function roundUnitsToOre(units: bigint): number {
  const doubled = units * 2n + UNITS_PER_ORE;
  const denominator = UNITS_PER_ORE * 2n;
  // Floor division for negative carries too (BigInt division truncates toward zero).
  const quotient = doubled >= 0n ? doubled / denominator : -((-doubled + denominator - 1n) / denominator);
  return Number(quotient);
}

export type Accrual = { interestOre: number; carryUnits: bigint };

/**
 * Simple late-payment interest on `principalOre` for each day from `fromOn` (inclusive) to `toOn` (exclusive),
 * piecewise per half-year rate, days over 365 or 366; principal only (never interest on interest). `carryUnits`
 * is what the previous booking left unrounded. Throws MissingInterestRateError for a day without a rate.
 */
export function accrueInterest(
  principalOre: number,
  fromOn: string,
  toOn: string,
  carryUnits = 0n,
  rates: readonly InterestRate[] = INTEREST_RATES,
): Accrual {
  if (!Number.isSafeInteger(principalOre) || principalOre < 0) {
    throw new RangeError(`Principal must be a non-negative whole number of øre, got ${principalOre}`);
  }
  const from = dayNumber(fromOn);
  const to = dayNumber(toOn);
  const exact = to > from && principalOre > 0 ? BigInt(principalOre) * weightedUnits(from, to, rates) : 0n;
  const total = exact + carryUnits;
  const interestOre = roundUnitsToOre(total);
  if (!Number.isSafeInteger(interestOre)) throw new RangeError('Interest exceeds the largest safe øre amount');
  return { interestOre, carryUnits: total - BigInt(interestOre) * UNITS_PER_ORE };
}

/** Interest in øre over one span, rounded once (the worked example: 10 000 kr, 12.5 %, 30 days = 102.74 kr). */
export function calculateInterestOre(
  principalOre: number,
  fromOn: string,
  toOn: string,
  rates: readonly InterestRate[] = INTEREST_RATES,
): number {
  return accrueInterest(principalOre, fromOn, toOn, 0n, rates).interestOre;
}

/** The rate valid on a day in basis points (printed on letters), or null when the table has no row for it. */
export function rateOn(onDate: string, rates: readonly InterestRate[] = INTEREST_RATES): number | null {
  try {
    const day = dayNumber(onDate);
    const units = weightedUnits(day, day + 1, rates);
    return Number(units / (isLeapYear(yearOfDay(day)) ? 365n : 366n));
  } catch (error) {
    if (error instanceof MissingInterestRateError) return null;
    throw error;
  }
}
