export type CollectionRate = { validFrom: string; amountOre: number };

/** Inkassosats by valid-from date; the reminder and notice fees are 1/20 of it. */
export const COLLECTION_RATE: readonly CollectionRate[] = [
  { validFrom: '2021-01-01', amountOre: 70_000 },
  // Configurable: only one source states 750 kr from 2026; confirm before relying on it.
  { validFrom: '2026-01-01', amountOre: 75_000 },
];

/**
 * Maximum collection fee (salær), "light" rate, for a VAT-registered creditor and a consumer debtor, by principal.
 * The steps are 0.25–7.2 × the 700 kr inkassosats; revisit them if COLLECTION_RATE changes.
 */
export const COLLECTION_FEE_LIGHT: readonly { maxPrincipalOre: number; feeOre: number }[] = [
  { maxPrincipalOre: 50_000, feeOre: 17_500 },
  { maxPrincipalOre: 100_000, feeOre: 24_500 },
  { maxPrincipalOre: 250_000, feeOre: 28_000 },
  { maxPrincipalOre: 1_000_000, feeOre: 56_000 },
  { maxPrincipalOre: 5_000_000, feeOre: 112_000 },
  { maxPrincipalOre: 25_000_000, feeOre: 252_000 },
  { maxPrincipalOre: Number.POSITIVE_INFINITY, feeOre: 504_000 },
];

/** Light-rate collection fee in øre for a principal in øre (each bound is inclusive: 500 kr → 175 kr). */
export function collectionFeeLightOre(principalOre: number): number {
  if (!Number.isSafeInteger(principalOre) || principalOre < 0) {
    throw new RangeError(`Principal must be a non-negative whole number of øre, got ${principalOre}`);
  }
  const step = COLLECTION_FEE_LIGHT.find((row) => principalOre <= row.maxPrincipalOre);
  if (!step) throw new RangeError(`No collection fee step for ${principalOre} øre`);
  return step.feeOre;
}

function assertIsoDate(isoDate: string): void {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  // Date.UTC rolls 2025-02-30 over to March, so a round trip catches impossible dates.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== isoDate) {
    throw new RangeError(`Expected a date as YYYY-MM-DD, got "${isoDate}"`);
  }
}

/** Inkassosats in øre valid on `onDate` (YYYY-MM-DD). Throws RangeError before the first row or on a bad date. */
export function collectionRateOre(onDate: string, rates: readonly CollectionRate[] = COLLECTION_RATE): number {
  assertIsoDate(onDate);
  // ISO dates compare correctly as strings.
  const valid = rates.filter((rate) => rate.validFrom <= onDate);
  const latest = valid.reduce<CollectionRate | null>(
    (best, rate) => (best === null || rate.validFrom > best.validFrom ? rate : best),
    null,
  );
  if (!latest) throw new RangeError(`No inkassosats is known for ${onDate}`);
  return latest.amountOre;
}

/**
 * Rounding rule for fees derived from the inkassosats: 1/20 of it, rounded half up to whole øre.
 * Both known rates divide evenly (700 kr → 35 kr, 750 kr → 37,50 kr); the rule only guards future rows.
 */
function oneTwentiethOre(rateOre: number): number {
  return Math.floor((rateOre + 10) / 20);
}

/** Reminder fee (purregebyr) in øre on `onDate`: 1/20 of the inkassosats. The notice fee is the same amount. */
export function reminderFeeOre(onDate: string, rates: readonly CollectionRate[] = COLLECTION_RATE): number {
  return oneTwentiethOre(collectionRateOre(onDate, rates));
}
