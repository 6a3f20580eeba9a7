import { describe, expect, it } from 'vitest';
import {
  MissingFeeTableError,
  collectionFeeLightOre,
  collectionFeeOre,
  collectionRateOre,
  reminderFeeOre,
  standardCompensationOre,
} from '@/lib/engine/rules';

const consumer = { heavy: false, businessDebtor: false, creditorVatRegistered: true };

describe('collection fee (salær), hand-computed from domain.md §2', () => {
  it.each([
    [0, 17_500],
    [50_000, 17_500],
    [50_001, 24_500],
    [100_000, 24_500],
    [100_001, 28_000],
    [250_000, 28_000],
    [250_001, 56_000],
    [1_000_000, 56_000],
    [1_000_001, 112_000],
    [5_000_000, 112_000],
    [5_000_001, 252_000],
    [25_000_000, 252_000],
    [25_000_001, 504_000],
    [Number.MAX_SAFE_INTEGER, 504_000],
  ])('light, 2025: principal %i øre → %i øre', (principalOre, feeOre) => {
    expect(collectionFeeLightOre(principalOre, '2025-05-01')).toBe(feeOre);
  });

  it('follows the inkassosats valid on the date (750 kr from 2026)', () => {
    expect(collectionFeeLightOre(1_000_000, '2026-01-01')).toBe(60_000); // 0.8 × 750
    expect(collectionFeeLightOre(50_000, '2026-03-01')).toBe(18_750); // 0.25 × 750
  });

  it('doubles for the heavy rate, × 1.5 for a business debtor, + 25 % for a creditor without VAT', () => {
    const base = { principalOre: 1_000_000, onDate: '2025-05-01' };
    expect(collectionFeeOre({ ...base, ...consumer, heavy: true })).toBe(112_000);
    expect(collectionFeeOre({ ...base, ...consumer, businessDebtor: true })).toBe(84_000); // 560 × 1.5
    expect(collectionFeeOre({ ...base, ...consumer, creditorVatRegistered: false })).toBe(70_000); // 560 × 1.25
    expect(collectionFeeOre({ ...base, heavy: true, businessDebtor: true, creditorVatRegistered: false })).toBe(210_000); // 1 120 × 1.5 × 1.25
    // 187.50 × 1.5 × 1.25 = 351.5625 kr → 351.56 kr (half up to the øre)
    expect(
      collectionFeeOre({ principalOre: 40_000, onDate: '2026-02-01', heavy: false, businessDebtor: true, creditorVatRegistered: false }),
    ).toBe(35_156);
  });

  it('refuses negative or fractional principals', () => {
    expect(() => collectionFeeLightOre(-1, '2025-01-01')).toThrow(RangeError);
    expect(() => collectionFeeLightOre(10.5, '2025-01-01')).toThrow(RangeError);
  });
});

describe('reminder and notice fee, standard compensation', () => {
  it('is 1/20 of the inkassosats valid on the date, dated from 2020', () => {
    expect(reminderFeeOre('2020-11-15')).toBe(3_500);
    expect(reminderFeeOre('2025-12-31')).toBe(3_500);
    expect(reminderFeeOre('2026-01-01')).toBe(3_750);
    expect(collectionRateOre('2024-06-15')).toBe(70_000);
  });

  it('rounds a legal maximum down, never above it (a twentieth of 700.10 kr is 35.005 kr → 35.00)', () => {
    expect(reminderFeeOre('2030-01-01', [{ validFrom: '2030-01-01', amountOre: 70_010 }])).toBe(3_500);
    expect(reminderFeeOre('2030-01-01', [{ validFrom: '2030-01-01', amountOre: 70_039 }])).toBe(3_501);
    expect(reminderFeeOre('2030-01-01', [{ validFrom: '2030-01-01', amountOre: 70_020 }])).toBe(3_501);
  });

  it('has the standard compensation dated', () => {
    // Per half-year (domain.md §2): 1H 2025 470, 1H 2026 460; 2H 2025 has no figure here, so it stops.
    expect(standardCompensationOre('2025-03-01')).toBe(47_000);
    expect(standardCompensationOre('2026-03-01')).toBe(46_000);
    expect(standardCompensationOre('2023-12-31')).toBe(46_000);
    expect(standardCompensationOre('2020-07-01')).toBe(43_000);
    expect(() => standardCompensationOre('2025-07-01')).toThrow(MissingFeeTableError);
    expect(() => standardCompensationOre('2026-07-01')).toThrow(MissingFeeTableError);
  });

  it('refuses dates before the tables or malformed dates', () => {
    expect(() => reminderFeeOre('2019-12-31')).toThrow(MissingFeeTableError);
    expect(() => collectionFeeLightOre(100, '2019-12-31')).toThrow(MissingFeeTableError);
    expect(() => reminderFeeOre('2025-02-30')).toThrow(RangeError);
    expect(() => reminderFeeOre('01.01.2025')).toThrow(RangeError);
  });
});
