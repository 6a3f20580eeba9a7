import { describe, expect, it } from 'vitest';
import { lastTwelveMonths } from '@/lib/insights/months';

describe('lastTwelveMonths', () => {
  it('ends with the month of today and crosses the year boundary', () => {
    const months = lastTwelveMonths('2026-11-30');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-12');
    expect(months[11]).toBe('2026-11');
  });

  it('in January starts with February of the year before', () => {
    expect(lastTwelveMonths('2027-01-01')).toEqual([
      '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01',
    ]);
  });
});
