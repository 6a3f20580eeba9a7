import { describe, expect, it } from 'vitest';
import { INTEREST_RATES, MissingInterestRateError, accrueInterest, calculateInterestOre, rateOn } from '@/lib/engine/rules';

const TEN_THOUSAND_KRONER = 1_000_000;

describe('calculateInterestOre (hand-computed)', () => {
  it('matches domain.md: 10 000 kr at 12.5 % for 30 days is 102.74 kr', () => {
    expect(calculateInterestOre(TEN_THOUSAND_KRONER, '2025-03-01', '2025-03-31')).toBe(10_274);
  });

  it('splits a claim spanning 1 July into the two half-year rates', () => {
    // 15 days at 12.50 % + 15 days at 12.25 %, /365: 5 136.99 + 5 034.25 = 10 171.23 øre
    expect(calculateInterestOre(TEN_THOUSAND_KRONER, '2025-06-16', '2025-07-16')).toBe(10_171);
  });

  it('divides days in a leap year by 366', () => {
    expect(calculateInterestOre(TEN_THOUSAND_KRONER, '2024-01-01', '2025-01-01')).toBe(125_000);
    // 29 Feb 2024 counts: 1 Feb → 1 Mar 2024 is 29 days × 12.5 % / 366 = 9 904.37 øre
    expect(calculateInterestOre(TEN_THOUSAND_KRONER, '2024-02-01', '2024-03-01')).toBe(9_904);
    // 15 days /366 in 2024 + 15 days /365 in 2025, both at 12.50 % = 10 259.94 øre
    expect(calculateInterestOre(TEN_THOUSAND_KRONER, '2024-12-17', '2025-01-16')).toBe(10_260);
  });

  it('sums three years of changing rates before rounding once', () => {
    expect(calculateInterestOre(TEN_THOUSAND_KRONER, '2023-01-01', '2026-01-01')).toBe(361_281);
  });

  it('rounds only the total, half up', () => {
    expect(calculateInterestOre(1_000, '2025-06-30', '2025-07-02')).toBe(1); // 0.342 + 0.336 øre
    const fiftyPercent = [{ validFrom: '2025-01-01', rateBasisPoints: 5_000 }];
    expect(calculateInterestOre(365, '2025-03-01', '2025-03-02', fiftyPercent)).toBe(1); // exactly 0.5
    expect(calculateInterestOre(364, '2025-03-01', '2025-03-02', fiftyPercent)).toBe(0);
  });

  it('stays exact beyond 2^53 intermediate values', () => {
    const rates = [
      { validFrom: '2025-01-01', rateBasisPoints: 1_250 },
      { validFrom: '2025-07-01', rateBasisPoints: 1_250 },
    ];
    expect(calculateInterestOre(10_000_000_000_000, '2025-01-01', '2026-01-01', rates)).toBe(1_250_000_000_000);
  });

  it('gives no interest for an empty or reversed span or a zero principal', () => {
    expect(calculateInterestOre(TEN_THOUSAND_KRONER, '2025-03-01', '2025-03-01')).toBe(0);
    expect(calculateInterestOre(TEN_THOUSAND_KRONER, '2025-03-31', '2025-03-01')).toBe(0);
    expect(calculateInterestOre(0, '2025-03-01', '2025-03-31')).toBe(0);
  });

  it('refuses a half-year without a rate instead of guessing (2H 2026 is not in the table)', () => {
    expect(() => calculateInterestOre(TEN_THOUSAND_KRONER, '2026-06-20', '2026-07-10')).toThrow(MissingInterestRateError);
    try {
      calculateInterestOre(TEN_THOUSAND_KRONER, '2026-06-20', '2026-07-10');
    } catch (error) {
      expect((error as MissingInterestRateError).onDate).toBe('2026-07-01');
    }
    expect(calculateInterestOre(TEN_THOUSAND_KRONER, '2026-06-01', '2026-07-01')).toBe(9_863); // 30 d × 12 %
    expect(() => calculateInterestOre(TEN_THOUSAND_KRONER, '2022-12-31', '2023-01-02')).toThrow(MissingInterestRateError);
  });

  it('refuses bad dates and bad principals', () => {
    expect(() => calculateInterestOre(TEN_THOUSAND_KRONER, '2025-02-30', '2025-03-31')).toThrow(RangeError);
    expect(() => calculateInterestOre(TEN_THOUSAND_KRONER, '2025-3-1', '2025-03-31')).toThrow(RangeError);
    expect(() => calculateInterestOre(-1, '2025-03-01', '2025-03-31')).toThrow(RangeError);
    expect(() => calculateInterestOre(1.5, '2025-03-01', '2025-03-31')).toThrow(RangeError);
  });

  it('accepts rates in any order and keeps half-year rows', () => {
    expect(calculateInterestOre(TEN_THOUSAND_KRONER, '2025-06-16', '2025-07-16', [...INTEREST_RATES].reverse())).toBe(10_171);
    for (const rate of INTEREST_RATES) expect(rate.validFrom).toMatch(/^\d{4}-(01|07)-01$/);
  });

  it('carries the unrounded rest to the next booking', () => {
    const first = accrueInterest(1_000, '2025-06-30', '2025-07-01'); // 0.342 øre → 0, carry 0.342
    expect(first.interestOre).toBe(0);
    const second = accrueInterest(1_000, '2025-07-01', '2025-07-02', first.carryUnits); // +0.336 → 0.678 → 1
    expect(second.interestOre).toBe(1);
  });

  it('prints the rate valid on a day, or null', () => {
    expect(rateOn('2025-08-01')).toBe(1_225);
    expect(rateOn('2024-02-29')).toBe(1_250);
    expect(rateOn('2026-08-01')).toBeNull();
  });
});
