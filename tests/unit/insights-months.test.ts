import { describe, expect, it } from 'vitest';
import { lastTwelveMonths, monthLabels } from '@/lib/insights/months';

describe('lastTwelveMonths', () => {
  it('ends with the month of today and crosses the year boundary', () => {
    const months = lastTwelveMonths('2026-11-30');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-12');
    expect(months[11]).toBe('2026-11');
  });

  it('in January starts with February of the year before', () => {
    expect(lastTwelveMonths('2027-01-01')).toEqual([
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
    ]);
  });
});

// The reference: month abbreviations written out by hand (not from Intl), and the year only where it changes.
const NB = ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'];
const EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

describe('monthLabels', () => {
  it('across New Year names the year on the first month and on January, in nb and en', () => {
    const months = lastTwelveMonths('2027-01-10');
    const nb = monthLabels(months, 'nb');
    const en = monthLabels(months, 'en');
    expect(nb.map((label) => label.slice(0, 3))).toEqual([...NB.slice(1), 'jan']);
    expect(en.map((label) => label.slice(0, 3))).toEqual([...EN.slice(1), 'Jan']);
    expect(nb[0]).toMatch(/^feb\.? 2026$/);
    expect(nb[11]).toMatch(/^jan\.? 2027$/);
    expect(en[0]).toBe('Feb 2026');
    expect(en[11]).toBe('Jan 2027');
    for (const label of [...nb.slice(1, 11), ...en.slice(1, 11)]) expect(label).not.toMatch(/\d/);
  });

  it('within one year (January to December) names the year once, on January', () => {
    const labels = monthLabels(lastTwelveMonths('2026-12-07'), 'nb');
    expect(labels.map((label) => label.slice(0, 3))).toEqual(NB);
    expect(labels.filter((label) => /\d/.test(label))).toEqual([labels[0]]);
    expect(labels[0]).toContain('2026');
  });

  it('every run of twelve months has the year on its first label and on exactly the months where it changes', () => {
    for (let month = 1; month <= 12; month += 1) {
      const today = `2026-${String(month).padStart(2, '0')}-15`;
      const labels = monthLabels(lastTwelveMonths(today), 'en');
      const withYear = labels.flatMap((label, index) => (/\d{4}/.test(label) ? [index] : []));
      // Twelve months ending in month m start in month m+1 of last year; January is at index 12 - m (unless m = 12).
      expect(withYear).toEqual(month === 12 ? [0] : [0, 12 - month]);
    }
  });
});
