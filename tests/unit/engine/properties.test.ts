import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AGREEMENT,
  EMPTY_BOOKED,
  MissingFeeTableError,
  accrueInterest,
  afterPlan,
  claimOn,
  dayNumber,
  plusDays,
  reconcilePlan,
  type CaseSnapshot,
  type Claim,
  type ClaimFacts,
  type ClaimLetter,
  type ClaimPayment,
} from '@/lib/engine/rules';
import { TABLES } from './play';
import { referenceFees } from './reference';

// Properties of the production rules (claimOn, reconcile) for any facts and any day, against the reference written
// from domain.md (./reference.ts). Days stay inside the rate table (2023-01-01 … 2026-06-30).

const FIRST = dayNumber('2023-01-01');
const LAST = dayNumber('2026-06-30');
const iso = (day: number) => plusDays('1970-01-01', day);

const arbitraryCase = fc
  .record({
    due: fc.integer({ min: dayNumber('2023-02-01'), max: dayNumber('2026-01-31') }),
    principal: fc.integer({ min: 1, max: 30_000_000 }),
    business: fc.boolean(),
    compensationAgreed: fc.boolean(),
    vat: fc.boolean(),
    withReminder: fc.boolean(),
    // Days between the letters, and each letter's deadline (any length: the rules must cope with short ones).
    gaps: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 0, maxLength: 4 }),
    deadlines: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 4, maxLength: 4 }),
    payments: fc.array(
      fc.record({
        offset: fc.integer({ min: 0, max: 150 }),
        amount: fc.integer({ min: 1, max: 20_000_000 }),
        source: fc.constantFrom('debtor' as const, 'direct' as const, 'credit_note' as const),
      }),
      { maxLength: 4 },
    ),
    after: fc.integer({ min: 0, max: 120 }),
  })
  .map((c) => {
    const kinds: ClaimLetter['kind'][] = [...(c.withReminder ? (['reminder'] as const) : []), 'notice', 'demand', 'legal_notice'];
    const letters: ClaimLetter[] = [];
    let day = c.due;
    c.gaps.slice(0, kinds.length).forEach((gap, index) => {
      day += gap;
      letters.push({ kind: kinds[index]!, sentOn: iso(day), deadlineOn: iso(day + c.deadlines[index]!) });
    });
    const payments: ClaimPayment[] = c.payments.map((p, index) => ({
      id: `p${index}`,
      source: p.source,
      valueOn: iso(Math.min(LAST, c.due + p.offset)),
      amountOre: p.amount,
    }));
    const facts: ClaimFacts = {
      dueOn: iso(c.due),
      principalOre: c.principal,
      businessDebtor: c.business,
      creditorVatRegistered: c.vat,
      agreement: { ...DEFAULT_AGREEMENT, standardCompensation: c.compensationAgreed },
      letters,
      payments,
    };
    return { facts, day: iso(Math.min(LAST, day + c.after)) };
  });

/** claimOn, or null when the case needs a standardkompensasjon of a half-year without a published figure. */
function claimOrSkip(facts: ClaimFacts, day: string): Claim | null {
  try {
    return claimOn(facts, day, TABLES);
  } catch (error) {
    if (error instanceof MissingFeeTableError) return null;
    throw error;
  }
}

describe('claimOn for any facts and any day', () => {
  it('never charges a fee the rules of domain.md do not allow, nor more than their maxima', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ facts, day }) => {
        // The reference knows principal-reducing payments only: debtor payments' splits follow the agreed order.
        const plain = { ...facts, payments: facts.payments.filter((p) => p.source !== 'debtor') };
        const claim = claimOrSkip(plain, day);
        if (!claim) return;
        const reference = referenceFees(
          {
            dueOn: plain.dueOn,
            principalOre: plain.principalOre,
            business: plain.businessDebtor,
            compensationAgreed: plain.agreement.standardCompensation,
            vatRegistered: plain.creditorVatRegistered,
            letters: [...plain.letters],
            reductions: plain.payments.map((p) => ({ valueOn: p.valueOn, amountOre: p.amountOre })),
          },
          day,
        );
        const fees = claim.feesByKind;
        expect(fees.reminder_fee + fees.notice_fee).toBeLessThanOrEqual(reference.reminderFees);
        expect(fees.standard_compensation).toBeLessThanOrEqual(reference.compensation);
        expect(fees.collection_fee_light + fees.collection_fee_heavy).toBeLessThanOrEqual(reference.salaer);
        if (!reference.salaerAllowed) expect(fees.collection_fee_light + fees.collection_fee_heavy).toBe(0);
        if (!reference.heavyAllowed) expect(fees.collection_fee_heavy).toBe(0);
        if (!plain.businessDebtor) expect(fees.standard_compensation).toBe(0);
        for (const fee of claim.fees) expect(fee.amountOre).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('conserves money to the øre: the claim is principal + interest + fees − payments, each payment split whole', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ facts, day }) => {
        const claim = claimOrSkip(facts, day);
        if (!claim) return;
        const counted = facts.payments.filter((p) => p.valueOn <= day);
        const paid = counted.reduce((sum, p) => sum + p.amountOre, 0);
        const fees = claim.fees.reduce((sum, fee) => sum + fee.amountOre, 0);
        expect(claim.totalOre).toBe(facts.principalOre + claim.interestOre + fees - paid);
        for (const payment of counted.filter((p) => p.source === 'debtor')) {
          const split = claim.allocations.get(payment.id)!;
          expect(split.principal + split.interest + split.fee + split.credit).toBe(payment.amountOre);
        }
        for (const value of [...Object.values(claim.outstanding), claim.creditOre]) expect(value).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('books the same ledger whatever order the payments arrived in (late registration = registration on the value date)', () => {
    fc.assert(
      fc.property(arbitraryCase, fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 4, maxLength: 4 }), ({ facts, day }, delays) => {
        if (!claimOrSkip(facts, day)) return;
        const onTime = playArrivals(
          facts,
          day,
          facts.payments.map((p) => ({ payment: p, registeredOn: p.valueOn })),
        );
        const late = playArrivals(
          facts,
          day,
          facts.payments.map((p, index) => ({
            payment: p,
            registeredOn: iso(Math.min(dayNumber(day), dayNumber(p.valueOn) + delays[index]!)),
          })),
        );
        if (!onTime || !late) return;
        expect(late).toEqual(onTime);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Plays the facts as the job and the payment paths do: each letter on its day, each payment when it is registered
 * (in registration order), reconciling after each, then once more on `day`. Returns the ledger's sums by what they are.
 */
function playArrivals(facts: ClaimFacts, day: string, arrivals: { payment: ClaimPayment; registeredOn: string }[]) {
  let snapshot: CaseSnapshot = {
    status: 'active',
    dueOn: facts.dueOn,
    businessDebtor: facts.businessDebtor,
    creditorVatRegistered: facts.creditorVatRegistered,
    disputed: false,
    legalConfirmed: true,
    pausedDays: 0,
    letters: [],
    principalOre: facts.principalOre,
    payments: [],
    booked: EMPTY_BOOKED,
    balanceOre: facts.principalOre,
    reconciledOn: null,
  };
  const sums = new Map<string, number>();
  const happenings = [
    ...facts.letters.filter((letter) => letter.sentOn <= day).map((letter) => ({ on: letter.sentOn, order: 0, letter, payment: null })),
    ...arrivals.filter((a) => a.registeredOn <= day).map((a) => ({ on: a.registeredOn, order: 1, letter: null, payment: a.payment })),
  ].sort((a, b) => (a.on === b.on ? a.order - b.order : a.on < b.on ? -1 : 1));
  const reconcileOn = (on: string) => {
    const plan = reconcilePlan(
      snapshot,
      facts.agreement,
      snapshot.reconciledOn && snapshot.reconciledOn > on ? snapshot.reconciledOn : on,
      TABLES,
    );
    for (const posting of plan.postings) {
      const key =
        posting.kind === 'fee'
          ? `fee:${posting.feeKind}`
          : posting.kind === 'payment'
            ? `payment:${posting.debtorPaymentId}:${posting.covers}`
            : posting.kind;
      sums.set(key, (sums.get(key) ?? 0) + posting.amountOre);
    }
    snapshot = afterPlan(snapshot, plan);
  };
  try {
    for (const happening of happenings) {
      if (happening.letter) snapshot = { ...snapshot, letters: [...snapshot.letters, happening.letter] };
      else snapshot = { ...snapshot, payments: [...snapshot.payments, happening.payment!] };
      reconcileOn(happening.on);
    }
    reconcileOn(day);
  } catch (error) {
    if (error instanceof MissingFeeTableError) return null;
    throw error;
  }
  return { sums: Object.fromEntries([...sums].filter(([, value]) => value !== 0).sort()), balance: snapshot.balanceOre };
}

describe('interest', () => {
  it('over any split of a period equals interest over the whole period, to the øre', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: FIRST, max: LAST }),
        fc.integer({ min: FIRST, max: LAST }),
        fc.array(fc.integer({ min: FIRST, max: LAST }), { maxLength: 12 }),
        (principal, a, b, cuts) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          const points = [from, ...cuts.filter((cut) => cut > from && cut < to).sort((x, y) => x - y), to];
          let carry = 0n;
          let total = 0;
          for (let i = 1; i < points.length; i += 1) {
            const step = accrueInterest(principal, iso(points[i - 1]!), iso(points[i]!), carry);
            total += step.interestOre;
            carry = step.carryUnits;
          }
          const whole = accrueInterest(principal, iso(from), iso(to));
          expect(total).toBe(whole.interestOre);
          expect(carry).toBe(whole.carryUnits);
        },
      ),
      { numRuns: 300 },
    );
  });
});
