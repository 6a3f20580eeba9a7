import { describe, expect, it } from 'vitest';
import { formatOre, formatOreForInput, formatOreNumber, parseKroner } from '@/lib/money';

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

describe('formatOreForInput', () => {
  // The pay form shows today's claim in an input the debtor may edit and post back: it must parse in its locale.
  it.each([
    ['nb', '10 035,00', '10035,00'],
    ['nb', '10035,00', '10035,00'],
    ['en', '10,035.00', '10035.00'],
    ['en', '10035.00', '10035.00'],
  ] as const)('%s: %j parses to 1 003 500 øre, shows as %j and parses back', (locale, typed, shown) => {
    const ore = parseKroner(typed, locale);
    expect(ore).toBe(1_003_500);
    expect(formatOreForInput(ore!, locale)).toBe(shown);
    expect(parseKroner(formatOreForInput(ore!, locale), locale)).toBe(1_003_500);
  });

  it('is not read as another amount in the other locale', () => {
    expect(parseKroner(formatOreForInput(1_003_550, 'nb'), 'en')).toBeNull();
    expect(parseKroner(formatOreForInput(1_003_550, 'en'), 'nb')).toBe(1_003_550);
  });

  it.each([0, 7, 29, 100, 123_450, Number.MAX_SAFE_INTEGER])('round-trips %i øre in both locales', (ore) => {
    expect(parseKroner(formatOreForInput(ore, 'nb'), 'nb')).toBe(ore);
    expect(parseKroner(formatOreForInput(ore, 'en'), 'en')).toBe(ore);
  });

  it('refuses negative and fractional øre', () => {
    expect(() => formatOreForInput(-1, 'nb')).toThrow(RangeError);
    expect(() => formatOreForInput(1.5, 'en')).toThrow(RangeError);
  });
});
