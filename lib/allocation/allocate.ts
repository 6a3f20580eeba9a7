import type { ClaimComponent, Outstanding, Split } from '@/lib/ledger/components';

/**
 * Splits a payment over what is owed, component by component in the given order; whatever is left after the
 * last component is a credit on the case (refunded or moved by a case handler, never dropped). Integer øre in,
 * integer øre out, so allocated + credit = paid exactly.
 */
export function allocatePayment(amountOre: number, owed: Outstanding, order: readonly ClaimComponent[]): Split {
  if (!Number.isSafeInteger(amountOre) || amountOre <= 0) throw new RangeError('payment must be a positive whole number of øre');
  const split: Split = { principal: 0, interest: 0, fee: 0, credit: 0 };
  let left = amountOre;
  for (const component of order) {
    const take = Math.min(left, Math.max(0, owed[component]));
    split[component] = take;
    left -= take;
  }
  split.credit = left;
  return split;
}

/** VAT on the agency's fee: 25 %, rounded half up to whole øre (the creditor is invoiced it and deducts it). */
export function vatOnAgencyFeeOre(feeOre: number): number {
  return Math.floor((feeOre * 25 + 50) / 100);
}
