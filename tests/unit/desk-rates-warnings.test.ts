import { describe, expect, it } from 'vitest';
import { halfYearsAround, missingRates } from '@/lib/desk/rates/warnings';

const tables = (rates: string[], compensation: string[]) => ({
  rates: rates.map((validFrom) => ({ validFrom, rateBasisPoints: 1_200 })),
  compensation: compensation.map((validFrom) => ({ validFrom, amountOre: 46_000 })),
});

describe('the desk’s missing-rate warning', () => {
  it('knows the half-years around a date', () => {
    expect(halfYearsAround('2026-06-30')).toEqual({ current: '2026-01-01', next: '2026-07-01' });
    expect(halfYearsAround('2026-07-01')).toEqual({ current: '2026-07-01', next: '2027-01-01' });
    expect(halfYearsAround('2026-12-31')).toEqual({ current: '2026-07-01', next: '2027-01-01' });
  });

  it('warns of the next half-year from 1 June and 1 December, not before', () => {
    const complete = tables(['2026-01-01'], ['2026-01-01']);
    expect(missingRates(complete, '2026-05-31')).toEqual([]);
    expect(missingRates(complete, '2026-06-01')).toEqual([
      { kind: 'interest', halfYearFrom: '2026-07-01' },
      { kind: 'standard_compensation', halfYearFrom: '2026-07-01' },
    ]);
    const second = tables(['2026-07-01'], ['2026-07-01']);
    expect(missingRates(second, '2026-11-30')).toEqual([]);
    expect(missingRates(second, '2026-12-01')).toEqual([
      { kind: 'interest', halfYearFrom: '2027-01-01' },
      { kind: 'standard_compensation', halfYearFrom: '2027-01-01' },
    ]);
    expect(missingRates(tables(['2026-07-01', '2027-01-01'], ['2026-07-01', '2027-01-01']), '2026-12-31')).toEqual([]);
  });

  it('always warns of the current half-year: a production start after the code’s table ends', () => {
    // The code's interest table ends with 1H 2026: in August nothing has been sent since 1 July.
    expect(missingRates(tables(['2026-01-01'], ['2026-01-01']), '2026-08-15')).toEqual([
      { kind: 'interest', halfYearFrom: '2026-07-01' },
      { kind: 'standard_compensation', halfYearFrom: '2026-07-01' },
    ]);
    // A row for an earlier half-year does not cover this one (each half-year has its own figure).
    expect(missingRates(tables(['2026-07-01'], ['2026-01-01']), '2026-08-15')).toEqual([
      { kind: 'standard_compensation', halfYearFrom: '2026-07-01' },
    ]);
  });
});
