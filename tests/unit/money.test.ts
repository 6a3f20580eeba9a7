import { describe, expect, it } from 'vitest';
import { formatOre, formatOreNumber, parseKroner } from '@/lib/money';

const NBSP = '\u00A0';

describe('parseKroner (nb)', () => {
  it.each([
    ['1 234,50', 123_450],
    [`1${NBSP}234,50`, 123_450],
    ['1\u202F234,50', 123_450],
    ['1 234 567', 123_456_700],
    ['1234,5', 123_450],
    ['1234.5', 123_450],
    ['0,29', 29],
    ['0.29', 29],
    ['0.07', 7],
    ['1', 100],
    ['0', 0],
    ['  42,10\t', 4_210],
    ['1234', 123_400],
  ])('parses %j as %i øre', (input, expected) => {
    expect(parseKroner(input)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'abc',
    '12a',
    '-5',
    '+5',
    '1 234,567',
    '1,234',
    '1.234,50',
    '1,234.50',
    '12 34',
    '1234 567',
    '1234,',
    ',50',
    '1 234,5 0',
    '1e3',
    '١٢٣',
    '90071992547409,92',
  ])('rejects %j', (input) => {
    expect(parseKroner(input)).toBeNull();
  });

  it('accepts the largest safe øre amount and nothing above it', () => {
    expect(parseKroner('90071992547409,91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseKroner('900719925474099')).toBeNull();
  });

  it('defaults to nb', () => {
    expect(parseKroner('1234,50')).toBe(parseKroner('1234,50', 'nb'));
  });
});

describe('parseKroner (en)', () => {
  it.each([
    ['1,234.50', 123_450],
    ['1,234', 123_400],
    ['1,234,567.8', 123_456_780],
    ['1234.5', 123_450],
    ['0.29', 29],
    ['1 234.50', 123_450],
    ['12', 1_200],
  ])('parses %j as %i øre', (input, expected) => {
    expect(parseKroner(input, 'en')).toBe(expected);
  });

  it.each(['1234,50', '12,34', '1,23', '1,2345', '1,234.567', '-5', 'abc', '', '1.234,50'])('rejects %j', (input) => {
    expect(parseKroner(input, 'en')).toBeNull();
  });
});

describe('formatOre', () => {
  it('formats nb with the kr symbol first and Intl’s no-break spaces', () => {
    expect(formatOre(123_450, 'nb')).toBe(`kr${NBSP}1${NBSP}234,50`);
    expect(formatOre(29, 'nb')).toBe(`kr${NBSP}0,29`);
    expect(formatOre(0, 'nb')).toBe(`kr${NBSP}0,00`);
  });

  it('formats en with the ISO code', () => {
    expect(formatOre(123_450, 'en')).toBe(`NOK${NBSP}1,234.50`);
    expect(formatOre(100, 'en')).toBe(`NOK${NBSP}1.00`);
  });

  it('puts a minus sign first on negative amounts', () => {
    expect(formatOre(-123_450, 'en')).toBe(`-NOK${NBSP}1,234.50`);
    expect(formatOre(-50, 'nb')).toMatch(new RegExp(`^[-\u2212]kr${NBSP}0,50$`));
  });

  it('formats other currencies', () => {
    expect(formatOre(1_000, 'en', 'EUR')).toBe(`EUR${NBSP}10.00`);
  });

  it('prints amounts near 2^53 øre exactly', () => {
    expect(formatOre(Number.MAX_SAFE_INTEGER, 'en')).toBe(`NOK${NBSP}90,071,992,547,409.91`);
  });

  it('refuses fractional øre', () => {
    expect(() => formatOre(1.5, 'nb')).toThrow(RangeError);
  });
});

describe('formatOreNumber', () => {
  it('formats without a currency', () => {
    expect(formatOreNumber(123_450, 'nb')).toBe(`1${NBSP}234,50`);
    expect(formatOreNumber(123_450, 'en')).toBe('1,234.50');
    expect(formatOreNumber(5, 'nb')).toBe('0,05');
  });

  it('round-trips through parseKroner', () => {
    for (const ore of [0, 1, 29, 99, 100, 123_450, 123_456_789]) {
      expect(parseKroner(formatOreNumber(ore, 'nb'), 'nb')).toBe(ore);
      expect(parseKroner(formatOreNumber(ore, 'en'), 'en')).toBe(ore);
    }
  });
});
