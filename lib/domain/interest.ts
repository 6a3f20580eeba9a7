export type InterestRate = { validFrom: string; rateBasisPoints: number };

/**
 * Forsinkelsesrente per half-year (policy rate + 8 points), in basis points (1250 = 12.50 %).
 * The last row keeps applying until a newer row is added.
 */
export const INTEREST_RATES: readonly InterestRate[] = [
  { validFrom: '2023-01-01', rateBasisPoints: 1075 },
  { validFrom: '2023-07-01', rateBasisPoints: 1175 },
  { validFrom: '2024-01-01', rateBasisPoints: 1250 },
  { validFrom: '2024-07-01', rateBasisPoints: 1250 },
  { validFrom: '2025-01-01', rateBasisPoints: 1250 },
  { validFrom: '2025-07-01', rateBasisPoints: 1225 },
  { validFrom: '2026-01-01', rateBasisPoints: 1200 },
  // Configurable: not confirmed yet; replace when the rate for 2H 2026 is published.
  { validFrom: '2026-07-01', rateBasisPoints: 1200 },
];

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 (UTC) for a strict `YYYY-MM-DD` date. Throws RangeError on anything else. */
function toDayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  // Date.UTC rolls 2025-02-30 over to March, so a round trip catches impossible dates.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== isoDate) {
    throw new RangeError(`Expected a date as YYYY-MM-DD, got "${isoDate}"`);
  }
  return ms / MS_PER_DAY;
}

function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Rounding rule for interest: the exact interest is `numerator / denominator` øre, rounded once to whole øre,
 * half up (x.5 øre → x+1). Both values are non-negative here. Rounding per period or per day is not allowed.
 */
function roundInterestToOre(numerator: bigint, denominator: bigint): number {
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

/**
 * Simple late-payment interest in øre on `principalOre` for each day from `fromDate` (inclusive) to `toDate`
 * (exclusive), so 2025-03-01 → 2025-03-31 is 30 days. Each day uses the rate valid on it and divides by 365,
 * or 366 in a leap year. Returns 0 when `toDate` is not after `fromDate`. Throws RangeError on a negative or
 * fractional principal, a malformed date, or a day before the first rate.
 */
export function calculateInterestOre(
  principalOre: number,
  fromDate: string,
  toDate: string,
  rates: readonly InterestRate[] = INTEREST_RATES,
): number {
  if (!Number.isSafeInteger(principalOre) || principalOre < 0) {
    throw new RangeError(`Principal must be a non-negative whole number of øre, got ${principalOre}`);
  }
  const from = toDayNumber(fromDate);
  const to = toDayNumber(toDate);
  if (to <= from) return 0;
  const periods = [...rates]
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom))
    .map((rate) => ({ start: toDayNumber(rate.validFrom), basisPoints: BigInt(rate.rateBasisPoints) }));

  // Sum basis points × days separately for 365- and 366-day years, so one common denominator keeps it exact.
  let weightedCommonYear = 0n;
  let weightedLeapYear = 0n;
  let day = from;
  while (day < to) {
    const index = periods.findLastIndex((period) => period.start <= day);
    const period = periods[index];
    if (!period) throw new RangeError(`No interest rate is known for ${new Date(day * MS_PER_DAY).toISOString().slice(0, 10)}`);
    const year = yearOfDay(day);
    const nextPeriodStart = periods[index + 1]?.start ?? Number.POSITIVE_INFINITY;
    const nextYearStart = Date.UTC(year + 1, 0, 1) / MS_PER_DAY;
    const end = Math.min(to, nextPeriodStart, nextYearStart);
    const weighted = period.basisPoints * BigInt(end - day);
    if (isLeapYear(year)) weightedLeapYear += weighted;
    else weightedCommonYear += weighted;
    day = end;
  }

  // interest = principal × Σ(bp × days / yearDays) / 10 000, over the common denominator 10 000 × 365 × 366.
  const principal = BigInt(principalOre);
  const numerator = principal * (weightedCommonYear * 366n + weightedLeapYear * 365n);
  const interestOre = roundInterestToOre(numerator, 10_000n * 365n * 366n);
  if (!Number.isSafeInteger(interestOre)) throw new RangeError('Interest exceeds the largest safe øre amount');
  return interestOre;
}
