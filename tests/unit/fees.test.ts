import { describe, expect, it } from 'vitest';
import { collectionFeeLightOre, collectionRateOre, reminderFeeOre } from '@/lib/domain/fees';

describe('collectionFeeLightOre', () => {
  it.each([
    [0, 17_500],
    [1, 17_500],
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
  ])('principal %i øre → fee %i øre', (principalOre, feeOre) => {
    expect(collectionFeeLightOre(principalOre)).toBe(feeOre);
  });

  it('refuses negative or fractional principals', () => {
    expect(() => collectionFeeLightOre(-1)).toThrow(RangeError);
    expect(() => collectionFeeLightOre(10.5)).toThrow(RangeError);
  });
});

describe('reminderFeeOre', () => {
  it('is 1/20 of the inkassosats valid on the date', () => {
    expect(reminderFeeOre('2021-01-01')).toBe(3_500);
    expect(reminderFeeOre('2025-12-31')).toBe(3_500);
    expect(reminderFeeOre('2026-01-01')).toBe(3_750);
    expect(collectionRateOre('2024-06-15')).toBe(70_000);
  });

  it('rounds a non-even twentieth half up', () => {
    expect(reminderFeeOre('2030-01-01', [{ validFrom: '2030-01-01', amountOre: 70_010 }])).toBe(3_501); // 3500.5
    expect(reminderFeeOre('2030-01-01', [{ validFrom: '2030-01-01', amountOre: 70_009 }])).toBe(3_500); // 3500.45
  });

  it('refuses dates before the table or malformed dates', () => {
    expect(() => reminderFeeOre('2020-12-31')).toThrow(RangeError);
    expect(() => reminderFeeOre('2025-02-30')).toThrow(RangeError);
    expect(() => reminderFeeOre('01.01.2025')).toThrow(RangeError);
  });
});
