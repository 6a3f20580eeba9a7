import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePayment, vatOnAgencyFeeOre } from '@/lib/allocation/allocate';
import { DEFAULT_ALLOCATION_ORDER, orderForStage } from '@/lib/allocation/order';

const owed = { principal: 1_000_000, interest: 10_274, fee: 70_000 };

describe('allocatePayment (dekningsrekkefølge, domain.md §4)', () => {
  it('at the notice stage covers principal, then fees, then interest', () => {
    expect(allocatePayment(1_050_000, owed, DEFAULT_ALLOCATION_ORDER.notice)).toEqual({
      principal: 1_000_000,
      fee: 50_000,
      interest: 0,
      credit: 0,
    });
  });

  it('from the demand stage covers the collection fee first, then principal, then interest', () => {
    expect(allocatePayment(1_050_000, owed, DEFAULT_ALLOCATION_ORDER.demand)).toEqual({
      fee: 70_000,
      principal: 980_000,
      interest: 0,
      credit: 0,
    });
    expect(allocatePayment(60_000, owed, DEFAULT_ALLOCATION_ORDER.legal)).toEqual({ fee: 60_000, principal: 0, interest: 0, credit: 0 });
  });

  it('leaves what exceeds the claim as a credit on the case', () => {
    expect(allocatePayment(1_100_000, owed, DEFAULT_ALLOCATION_ORDER.demand)).toEqual({
      fee: 70_000,
      principal: 1_000_000,
      interest: 10_274,
      credit: 19_726,
    });
  });

  it('uses an agreed order per stage when it names each component once, else the default', () => {
    expect(orderForStage('notice', { notice: ['interest', 'fee', 'principal'] })).toEqual(['interest', 'fee', 'principal']);
    expect(allocatePayment(20_000, owed, orderForStage('notice', { notice: ['interest', 'fee', 'principal'] }))).toEqual({
      interest: 10_274,
      fee: 9_726,
      principal: 0,
      credit: 0,
    });
    expect(orderForStage('notice', { notice: ['interest', 'interest', 'fee'] })).toEqual(DEFAULT_ALLOCATION_ORDER.notice);
    expect(orderForStage('demand', null)).toEqual(DEFAULT_ALLOCATION_ORDER.demand);
  });

  it('refuses zero, negative and fractional øre', () => {
    for (const bad of [0, -100, 10.5]) expect(() => allocatePayment(bad, owed, DEFAULT_ALLOCATION_ORDER.notice)).toThrow(RangeError);
  });

  it('conserves money to the øre and never covers more than is owed (property)', () => {
    const component = fc.integer({ min: 0, max: 10_000_000_00 });
    const order = fc.constantFrom(...Object.values(DEFAULT_ALLOCATION_ORDER), ['interest', 'fee', 'principal'] as const);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000_000_00 }),
        component,
        component,
        component,
        order,
        (paid, principal, interest, fee, chosen) => {
          const split = allocatePayment(paid, { principal, interest, fee }, chosen);
          expect(split.principal + split.interest + split.fee + split.credit).toBe(paid);
          expect(split.principal).toBeLessThanOrEqual(principal);
          expect(split.interest).toBeLessThanOrEqual(interest);
          expect(split.fee).toBeLessThanOrEqual(fee);
          expect(Object.values(split).every((v) => Number.isSafeInteger(v) && v >= 0)).toBe(true);
          // Credit only once everything is covered.
          if (split.credit > 0) expect(split.principal + split.interest + split.fee).toBe(principal + interest + fee);
        },
      ),
    );
  });

  it('VAT on the agency fee is 25 %, half up to whole øre', () => {
    expect(vatOnAgencyFeeOre(70_000)).toBe(17_500);
    expect(vatOnAgencyFeeOre(3)).toBe(1);
    expect(vatOnAgencyFeeOre(2)).toBe(1);
    expect(vatOnAgencyFeeOre(1)).toBe(0);
  });
});
