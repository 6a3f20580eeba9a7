// Every legal amount the engine uses, in one place, each row with the date it is valid from. A date before the
// first row (or, for interest, in a half-year not yet in the table) is an error, never a guess.

export type InterestRate = { validFrom: string; rateBasisPoints: number };
export type DatedAmount = { validFrom: string; amountOre: number };

/**
 * Forsinkelsesrente per half-year (Norges Bank's policy rate + 8 points), in basis points (1250 = 12.50 %).
 * A row covers its half-year only: the next half-year needs its own row (2H 2026 is not published here yet),
 * and until it is added the engine stops for the cases that need it, with an error on the desk.
 */
export const INTEREST_RATES: readonly InterestRate[] = [
  { validFrom: '2023-01-01', rateBasisPoints: 1075 },
  { validFrom: '2023-07-01', rateBasisPoints: 1175 },
  { validFrom: '2024-01-01', rateBasisPoints: 1250 },
  { validFrom: '2024-07-01', rateBasisPoints: 1250 },
  { validFrom: '2025-01-01', rateBasisPoints: 1250 },
  { validFrom: '2025-07-01', rateBasisPoints: 1225 },
  { validFrom: '2026-01-01', rateBasisPoints: 1200 },
];

/**
 * Inkassosats by valid-from date. 700 kr from 2020 (configurable: confirm the 2020 row; it covers cases whose
 * due date lies in late 2020), 750 kr from 2026 (configurable: one source only).
 */
export const COLLECTION_RATE: readonly DatedAmount[] = [
  { validFrom: '2020-01-01', amountOre: 70_000 },
  { validFrom: '2026-01-01', amountOre: 75_000 },
];

/**
 * The light collection fee (salær) for a VAT-registered creditor and a consumer debtor: a factor of the
 * inkassosats valid on the fee's date, by principal (inclusive bounds). At 700 kr: 175 · 245 · 280 · 560 ·
 * 1 120 · 2 520 · 5 040 kr (domain.md §2). Factors in thousandths, so the fee stays integer øre.
 */
export const LIGHT_FEE_STEPS: readonly { maxPrincipalOre: number; factorPerMille: number }[] = [
  { maxPrincipalOre: 50_000, factorPerMille: 250 },
  { maxPrincipalOre: 100_000, factorPerMille: 350 },
  { maxPrincipalOre: 250_000, factorPerMille: 400 },
  { maxPrincipalOre: 1_000_000, factorPerMille: 800 },
  { maxPrincipalOre: 5_000_000, factorPerMille: 1_600 },
  { maxPrincipalOre: 25_000_000, factorPerMille: 3_600 },
  { maxPrincipalOre: Number.POSITIVE_INFINITY, factorPerMille: 7_200 },
];

/** The heavy rate is this multiple of the light rate (domain.md §2). */
export const HEAVY_FEE_FACTOR = 2;

/**
 * Standardkompensasjon a business debtor owes instead of reminder and notice fees (forsinkelsesrenteloven § 3 a,
 * 40 euro in kroner), set by the Ministry of Finance per half-year (domain.md §2). Like a rate, a row covers its
 * own half-year only: a half-year without a published figure here (1H/2H 2021, 2H 2024, 2H 2025, 2H 2026 …) stops
 * the engine for the case until the agency adds it, never a guess.
 */
export const STANDARD_COMPENSATION: readonly DatedAmount[] = [
  { validFrom: '2020-07-01', amountOre: 43_000 },
  { validFrom: '2022-01-01', amountOre: 39_000 },
  { validFrom: '2022-07-01', amountOre: 40_000 },
  { validFrom: '2023-01-01', amountOre: 41_000 },
  { validFrom: '2023-07-01', amountOre: 46_000 },
  { validFrom: '2024-01-01', amountOre: 47_000 },
  { validFrom: '2025-01-01', amountOre: 47_000 },
  { validFrom: '2026-01-01', amountOre: 46_000 },
];

/** The first day of the half-year `onDate` lies in (1 January or 1 July). */
export function halfYearStart(onDate: string): string {
  return `${onDate.slice(0, 4)}-${onDate.slice(5, 7) < '07' ? '01' : '07'}-01`;
}

/** The row of a per-half-year table for `onDate`: only a row from the same half-year counts. */
export function halfYearRow<T extends { validFrom: string }>(table: readonly T[], onDate: string): T | null {
  const row = validOn(table, onDate);
  return row && row.validFrom >= halfYearStart(onDate) ? row : null;
}

/** The valid row on `onDate` from a dated table, or null before its first row. ISO dates compare as strings. */
export function validOn<T extends { validFrom: string }>(table: readonly T[], onDate: string): T | null {
  let best: T | null = null;
  for (const row of table) if (row.validFrom <= onDate && (best === null || row.validFrom > best.validFrom)) best = row;
  return best;
}

/**
 * The most an instalment plan of more than four instalments may add (inkassoforskriften § 2-4, domain.md §2), as
 * thousandths of the inkassosats on the plan's day: 1.5 × (configurable by valid-from date).
 */
export const PLAN_FEE_FACTOR: readonly { validFrom: string; factorPerMille: number }[] = [
  { validFrom: '2020-01-01', factorPerMille: 1_500 },
];

/** A plan with more instalments than this may carry the plan fee; up to this many it never does. */
export const PLAN_FEE_FREE_INSTALMENTS = 4;
