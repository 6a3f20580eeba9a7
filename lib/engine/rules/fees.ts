import { dayNumber } from './dates';
import {
  COLLECTION_RATE,
  HEAVY_FEE_FACTOR,
  LIGHT_FEE_STEPS,
  PLAN_FEE_FACTOR,
  PLAN_FEE_FREE_INSTALMENTS,
  STANDARD_COMPENSATION,
  halfYearRow,
  validOn,
  type DatedAmount,
} from './tables';

/** A fee date before the first row of its table. */
export class MissingFeeTableError extends RangeError {
  constructor(
    readonly table: string,
    readonly onDate: string,
  ) {
    super(`No ${table} is known for ${onDate}`);
    this.name = 'MissingFeeTableError';
  }
}

function datedAmount(table: readonly DatedAmount[], name: string, onDate: string, find = validOn<DatedAmount>): number {
  dayNumber(onDate); // validates the date
  const row = find(table, onDate);
  if (!row) throw new MissingFeeTableError(name, onDate);
  return row.amountOre;
}

/** Inkassosats in øre valid on `onDate`. */
export function collectionRateOre(onDate: string, rates: readonly DatedAmount[] = COLLECTION_RATE): number {
  return datedAmount(rates, 'inkassosats', onDate);
}

/** Rounding rule for every derived fee: a legal maximum is a ceiling, so the exact fraction of øre is rounded down, once. */
function roundDown(numerator: number, denominator: number): number {
  return Math.floor(numerator / denominator);
}

/** Reminder fee and notice fee (purregebyr, inkassovarselgebyr): 1/20 of the inkassosats on the letter's date. */
export function reminderFeeOre(onDate: string, rates: readonly DatedAmount[] = COLLECTION_RATE): number {
  return roundDown(collectionRateOre(onDate, rates), 20);
}

/** The standardkompensasjon for a business debtor on `onDate`: the figure of that half-year, or MissingFeeTableError. */
export function standardCompensationOre(onDate: string, table: readonly DatedAmount[] = STANDARD_COMPENSATION): number {
  return datedAmount(table, 'standardkompensasjon', onDate, halfYearRow<DatedAmount>);
}

export type CollectionFeeInput = {
  principalOre: number;
  onDate: string;
  heavy: boolean;
  businessDebtor: boolean;
  creditorVatRegistered: boolean;
};

/**
 * The maximum collection fee (salær) in øre: the light step for the principal as a factor of the inkassosats on
 * the date; × 2 for the heavy rate; × 1.5 for a business debtor; + 25 % when the creditor is not VAT-registered
 * (the creditor cannot deduct the VAT on it). The factors multiply exactly and round once, down (a ceiling).
 */
export function collectionFeeOre(input: CollectionFeeInput, rates: readonly DatedAmount[] = COLLECTION_RATE): number {
  const { principalOre } = input;
  if (!Number.isSafeInteger(principalOre) || principalOre < 0) {
    throw new RangeError(`Principal must be a non-negative whole number of øre, got ${principalOre}`);
  }
  const step = LIGHT_FEE_STEPS.find((row) => principalOre <= row.maxPrincipalOre) ?? LIGHT_FEE_STEPS.at(-1)!;
  // fee = rate × factor/1000 × heavy × (3/2)? × (5/4)?: keep numerator and denominator integer.
  let numerator = collectionRateOre(input.onDate, rates) * step.factorPerMille * (input.heavy ? HEAVY_FEE_FACTOR : 1);
  let denominator = 1_000;
  if (input.businessDebtor) {
    numerator *= 3;
    denominator *= 2;
  }
  if (!input.creditorVatRegistered) {
    numerator *= 5;
    denominator *= 4;
  }
  return roundDown(numerator, denominator);
}

/** Light-rate fee for a VAT-registered creditor and a consumer debtor on `onDate` (the table's own figures). */
export function collectionFeeLightOre(principalOre: number, onDate: string, rates: readonly DatedAmount[] = COLLECTION_RATE): number {
  return collectionFeeOre({ principalOre, onDate, heavy: false, businessDebtor: false, creditorVatRegistered: true }, rates);
}

/**
 * The instalment-plan fee in øre for a plan agreed on `onDate`: none for up to four instalments, else the dated
 * factor (1.5) of the inkassosats, rounded down (a ceiling, like every fee).
 */
export function planFeeOre(
  instalments: number,
  onDate: string,
  rates: readonly DatedAmount[] = COLLECTION_RATE,
  factors = PLAN_FEE_FACTOR,
): number {
  if (!Number.isInteger(instalments) || instalments < 1)
    throw new RangeError(`A plan has a whole number of instalments, got ${instalments}`);
  if (instalments <= PLAN_FEE_FREE_INSTALMENTS) return 0;
  const factor = validOn(factors, onDate);
  if (!factor) throw new MissingFeeTableError('planFeeFactor', onDate);
  return roundDown(collectionRateOre(onDate, rates) * factor.factorPerMille, 1_000);
}
