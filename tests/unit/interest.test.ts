import { describe, expect, it } from 'vitest';
import { INTEREST_RATES, calculateInterestOre } from '@/lib/domain/interest';

const TEN_THOUSAND_KRONER = 1_000_000;

describe('calculateInterestOre', () => {
  it('matches domain.md: 10 000 kr at 12.5 % for 30 days is 102.74 kr', () => {
    expect(calculateInterestOre(TEN_THOUSAND_KRONER, '2025-03-01', '2025-03-31')).toBe(10_274);
  });

  it('splits a span crossing 2025-07-01 into the two half-year rates', () => {
    // 15 days at 12.50 % + 15 days at 12.25 % = 10 171.23 øre
    expect(calculateInterestOre(TEN_THOUSAND_KRONER, '2025-06-16', '2025-07-16')).toBe(10_171);
  });

  it('divides days in a leap year by 366', () => {
    expect(calculateInterestOre(TEN_THOUSAND_KRONER, '2024-01-01', '2025-01-01')).toBe(125_000);
    // 15 days /366 in 2024 + 15 days /365 in 2025, both at 12.50 % = 10 259.94 øre
    expect(calculateInterestOre(TEN_THOUSAND_KRONER, '2024-12-17', '2025-01-16')).toBe(10_260);
  });

  it('sums three years of changing rates before rounding once', () => {
    expect(calculateInterestOre(TEN_THOUSAND_KRONER, '2023-01-01', '2026-01-01')).toBe(361_281);
  });

  it('rounds only the total, not each period', () => {
    // 0.342 øre + 0.336 øre: per-period rounding would give 0
    expect(calculateInterestOre(1_000, '2025-06-30', '2025-07-02')).toBe(1);
  });

  it('rounds half up', () => {
    const fiftyPercent = [{ validFrom: '2025-01-01', rateBasisPoints: 5_000 }];
    expect(calculateInterestOre(365, '2025-03-01', '2025-03-02', fiftyPercent)).toBe(1); // exactly 0.5
    expect(calculateInterestOre(364, '2025-03-01', '2025-03-02', fiftyPercent)).toBe(0);
  });

  it('stays exact beyond 2^53 intermediate values', () => {
    const principal = 10_000_000_000_000; // 100 000 000 000 kr
    // 1 year at 12.50 % in a common year is exactly 1/8 of the principal
    expect(calculateInterestOre(principal, '2025-01-01', '2026-01-01', [{ validFrom: '2025-01-01', rateBasisPoints: 1_250 }])).toBe(
      1_250_000_000_000,
    );
  });

  it('gives no interest for an empty or reversed span or a zero principal', () => {
    expect(calculateInterestOre(TEN_THOUSAND_KRONER, '2025-03-01', '2025-03-01')).toBe(0);
    expect(calculateInterestOre(TEN_THOUSAND_KRONER, '2025-03-31', '2025-03-01')).toBe(0);
    expect(calculateInterestOre(0, '2025-03-01', '2025-03-31')).toBe(0);
  });

  it('uses the last known rate after the table ends', () => {
    // 2027 is a common year: 365 days at 12.00 %
    expect(calculateInterestOre(TEN_THOUSAND_KRONER, '2027-01-01', '2028-01-01')).toBe(120_000);
  });

  it('accepts rates in any order', () => {
    const reversed = [...INTEREST_RATES].reverse();
    expect(calculateInterestOre(TEN_THOUSAND_KRONER, '2025-06-16', '2025-07-16', reversed)).toBe(10_171);
  });

  it('refuses days before the first rate, bad dates and bad principals', () => {
    expect(() => calculateInterestOre(TEN_THOUSAND_KRONER, '2022-12-31', '2023-01-02')).toThrow(RangeError);
    expect(() => calculateInterestOre(TEN_THOUSAND_KRONER, '2025-02-30', '2025-03-31')).toThrow(RangeError);
    expect(() => calculateInterestOre(TEN_THOUSAND_KRONER, '2025-3-1', '2025-03-31')).toThrow(RangeError);
    expect(() => calculateInterestOre(-1, '2025-03-01', '2025-03-31')).toThrow(RangeError);
    expect(() => calculateInterestOre(1.5, '2025-03-01', '2025-03-31')).toThrow(RangeError);
  });

  it('keeps half-year rates in the table', () => {
    for (const rate of INTEREST_RATES) expect(rate.validFrom).toMatch(/^\d{4}-(01|07)-01$/);
  });
});
