import type { PaymentComponent, Split } from '@/lib/ledger/components';
import { FEE_KINDS, type Claim, type FeeKind, type WithheldReason } from './claim';

// The difference between what the ledger holds and what claimOn says, as new ledger entries (never an edit or a
// delete), each change with its reason for Historikk. Pure: the engine and every payment path post what this returns.

/** What the ledger holds for a case: charges by kind (fees by fee kind; 'unknown' for rows from before fee kinds),
 *  and what each debtor payment covers. */
export type Booked = {
  interestOre: number;
  fees: Record<FeeKind | 'unknown', number>;
  allocations: ReadonlyMap<string, Split>;
};

export type ReconcilePosting =
  | { kind: 'interest'; amountOre: number }
  | { kind: 'fee'; amountOre: number; feeKind: FeeKind | null }
  | { kind: 'payment'; amountOre: number; covers: PaymentComponent; debtorPaymentId: string };

/** What made the claim change when it is not a payment's value date: a dispute decided for the debtor, a corrected rate. */
export type CorrectionCause = 'disputeDecided' | 'rateCorrected';
export type CorrectionReason = WithheldReason | CorrectionCause | 'heavySalaer' | 'paymentValueDate' | 'reallocated' | 'recalculated';
export type Correction = {
  component: 'interest' | 'fee' | 'payment';
  feeKind: FeeKind | null;
  amountOre: number;
  reason: CorrectionReason;
};

export const EMPTY_BOOKED: Booked = {
  interestOre: 0,
  fees: {
    reminder_fee: 0,
    notice_fee: 0,
    standard_compensation: 0,
    collection_fee_light: 0,
    collection_fee_heavy: 0,
    plan_fee: 0,
    unknown: 0,
  },
  allocations: new Map(),
};

const COMPONENTS: readonly PaymentComponent[] = ['fee', 'interest', 'principal', 'credit'];

/**
 * The postings that bring `booked` to `claim`, and the corrections to tell in Historikk. `fresh` names what needs
 * no telling: fees of a letter sent on the claim's day, and the allocation of a payment being registered now.
 */
export function reconcile(
  claim: Claim,
  booked: Booked,
  fresh: { letterOn?: string; paymentId?: string; cause?: CorrectionCause } = {},
): { postings: ReconcilePosting[]; corrections: Correction[] } {
  const postings: ReconcilePosting[] = [];
  const corrections: Correction[] = [];
  const interest = claim.interestOre - booked.interestOre;
  if (interest !== 0) {
    postings.push({ kind: 'interest', amountOre: interest });
    if (interest < 0 || fresh.cause)
      corrections.push({ component: 'interest', feeKind: null, amountOre: interest, reason: fresh.cause ?? 'paymentValueDate' });
  }
  if (booked.fees.unknown !== 0) postings.push({ kind: 'fee', amountOre: -booked.fees.unknown, feeKind: null });
  for (const feeKind of FEE_KINDS) {
    const difference = claim.feesByKind[feeKind] - booked.fees[feeKind];
    if (difference === 0) continue;
    postings.push({ kind: 'fee', amountOre: difference, feeKind });
    const newFromLetter = difference > 0 && claim.fees.some((fee) => fee.kind === feeKind && fee.onDate === fresh.letterOn);
    if (newFromLetter) continue;
    const reason: CorrectionReason =
      difference > 0
        ? feeKind === 'collection_fee_heavy'
          ? 'heavySalaer'
          : (fresh.cause ?? 'recalculated')
        : (claim.withheld.findLast((held) => held.kind === feeKind)?.reason ?? fresh.cause ?? 'recalculated');
    corrections.push({ component: 'fee', feeKind, amountOre: difference, reason });
  }
  const ids = new Set([...claim.allocations.keys(), ...booked.allocations.keys()]);
  for (const id of ids) {
    const target = claim.allocations.get(id);
    const held = booked.allocations.get(id);
    let moved = 0;
    for (const covers of COMPONENTS) {
      // A payment row is negative: it takes what it covers off the claim.
      const difference = (target?.[covers] ?? 0) - (held?.[covers] ?? 0);
      if (difference === 0) continue;
      postings.push({ kind: 'payment', amountOre: -difference, covers, debtorPaymentId: id });
      moved += Math.abs(difference);
    }
    if (moved > 0 && id !== fresh.paymentId)
      corrections.push({ component: 'payment', feeKind: null, amountOre: moved / 2, reason: 'reallocated' });
  }
  return { postings, corrections };
}

/** The ledger as it stands after `reconcile`'s postings: the booked state equal to the claim. */
export function bookedFromClaim(claim: Claim): Booked {
  return {
    interestOre: claim.interestOre,
    fees: { ...claim.feesByKind, unknown: 0 },
    allocations: new Map([...claim.allocations].filter(([, split]) => split)),
  };
}
