import { INTEREST_RATES, STANDARD_COMPENSATION, halfYearRow, type DatedAmount, type InterestRate } from '@/lib/engine/rules/tables';

/** The demo's assumed rate (Norges Bank's policy rate + 8 points as in 1H 2026): not a published figure. */
const ASSUMED_BASIS_POINTS = 1200;

/**
 * The demo's assumption for the half-years the law's table does not cover yet (2H 2026, and any later one up to
 * `today`, so the demo seeded later still runs to its today): stored as agency-added rates (interest_rates),
 * clearly marked, exactly as the agency would add a published rate. Not legal figures.
 */
export function assumedRates(today: string): InterestRate[] {
  const known = new Set(INTEREST_RATES.map((rate) => rate.validFrom));
  const rates: InterestRate[] = [];
  for (let year = 2026; `${year}-01-01` <= today; year += 1) {
    for (const validFrom of [`${year}-01-01`, `${year}-07-01`]) {
      if (validFrom <= today && !known.has(validFrom)) rates.push({ validFrom, rateBasisPoints: ASSUMED_BASIS_POINTS });
    }
  }
  // 2H 2026 always: a demo seeded in the first half of 2026 reaches it through the daily job.
  if (!rates.some((rate) => rate.validFrom === '2026-07-01'))
    rates.unshift({ validFrom: '2026-07-01', rateBasisPoints: ASSUMED_BASIS_POINTS });
  return rates;
}

/** The demo's assumed standardkompensasjon: the last published figure (460 kr, 1H 2026). Not a published figure. */
const ASSUMED_COMPENSATION_ORE = 46_000;

/**
 * The demo's assumed standardkompensasjon for the half-years of its span (from 2025, up to `today`, and 2H 2026
 * always) that the law's table lacks (2H 2025, 2H 2026 …): stored as agency-entered figures (fee_rates), clearly
 * marked as an assumption like the rates above, so the demo's business cases run. Not legal figures.
 */
export function assumedCompensation(today: string): DatedAmount[] {
  const rows: DatedAmount[] = [];
  for (let year = 2025; `${year}-01-01` <= laterOfDates(today, '2026-07-01'); year += 1) {
    for (const validFrom of [`${year}-01-01`, `${year}-07-01`]) {
      const needed = validFrom <= today || validFrom === '2026-07-01';
      if (needed && !halfYearRow(STANDARD_COMPENSATION, validFrom)) rows.push({ validFrom, amountOre: ASSUMED_COMPENSATION_ORE });
    }
  }
  return rows;
}

function laterOfDates(a: string, b: string): string {
  return a >= b ? a : b;
}
