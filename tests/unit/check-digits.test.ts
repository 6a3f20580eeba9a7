import { describe, expect, it } from 'vitest';
import {
  formatAccountNumber,
  formatOrganisationNumber,
  isValidAccountNumber,
  isValidKid,
  isValidNationalId,
  isValidNorwegianMobile,
  isValidOrganisationNumber,
  isValidPostcode,
  makeKid,
  mod10CheckDigit,
  mod11CheckDigit,
  normaliseNorwegianMobile,
} from '@/lib/norwegian-ids';

describe('KID check digits', () => {
  it('computes MOD10 (Luhn) as in domain.md', () => {
    expect(mod10CheckDigit('1234')).toBe('4');
    expect(mod10CheckDigit('2345678')).toBe('3');
    expect(makeKid('1234')).toBe('12344');
    expect(makeKid('2345678', 'mod10')).toBe('23456783');
  });

  it('computes MOD11 as in domain.md, with 11 → 0 and 10 → -', () => {
    expect(mod11CheckDigit('1234')).toBe('3');
    expect(mod11CheckDigit('2345678')).toBe('8');
    expect(makeKid('1234', 'mod11')).toBe('12343');
    expect(makeKid('2345678', 'mod11')).toBe('23456788');
    expect(mod11CheckDigit('14')).toBe('0');
    expect(mod11CheckDigit('6')).toBe('-');
  });

  it('refuses non-digit input', () => {
    expect(() => mod10CheckDigit('12a')).toThrow(RangeError);
    expect(() => mod11CheckDigit('')).toThrow(RangeError);
    expect(() => makeKid('')).toThrow(RangeError);
    expect(() => makeKid('1'.repeat(25))).toThrow(RangeError);
  });

  it('validates KIDs by either method', () => {
    expect(isValidKid('12344')).toBe(true);
    expect(isValidKid('12343')).toBe(true);
    expect(isValidKid('23456783')).toBe(true);
    expect(isValidKid('23456788')).toBe(true);
    expect(isValidKid('12345')).toBe(false);
    expect(isValidKid('6-')).toBe(true);
    expect(isValidKid('7-')).toBe(false);
  });

  it('keeps leading zeros and enforces 2–25 characters', () => {
    expect(isValidKid(makeKid('0001234'))).toBe(true);
    expect(makeKid('0001234')).toMatch(/^0001234\d$/);
    expect(isValidKid('0')).toBe(false);
    expect(isValidKid('00')).toBe(true);
    expect(isValidKid(makeKid('1'.repeat(24)))).toBe(true);
    expect(isValidKid(makeKid('1'.repeat(24)) + '0')).toBe(false);
    expect(isValidKid('1234 4')).toBe(false);
    expect(isValidKid('')).toBe(false);
  });

  it('always accepts what makeKid produces', () => {
    for (let base = 1; base < 500; base += 7) {
      expect(isValidKid(makeKid(String(base), 'mod10'))).toBe(true);
      expect(isValidKid(makeKid(String(base), 'mod11'))).toBe(true);
    }
  });
});

describe('organisation numbers', () => {
  it('accepts the domain.md example, with or without spaces', () => {
    expect(isValidOrganisationNumber('123456785')).toBe(true);
    expect(isValidOrganisationNumber('123 456 785')).toBe(true);
  });

  it('rejects a wrong check digit, wrong length or letters', () => {
    expect(isValidOrganisationNumber('123456784')).toBe(false);
    expect(isValidOrganisationNumber('12345678')).toBe(false);
    expect(isValidOrganisationNumber('1234567850')).toBe(false);
    expect(isValidOrganisationNumber('12345678a')).toBe(false);
  });

  it('formats as 3-3-3', () => {
    expect(formatOrganisationNumber('123456785')).toBe('123 456 785');
    expect(formatOrganisationNumber('12345')).toBe('12345');
  });
});

describe('account numbers', () => {
  it('accepts the domain.md example with spaces or dots', () => {
    expect(isValidAccountNumber('86011117947')).toBe(true);
    expect(isValidAccountNumber('8601 11 17947')).toBe(true);
    expect(isValidAccountNumber('8601.11.17947')).toBe(true);
  });

  it('rejects a wrong check digit or length', () => {
    expect(isValidAccountNumber('86011117948')).toBe(false);
    expect(isValidAccountNumber('8601111794')).toBe(false);
    expect(isValidAccountNumber('8601-11-17947')).toBe(false);
  });

  it('formats as 4-2-5', () => {
    expect(formatAccountNumber('86011117947')).toBe('8601 11 17947');
    expect(formatAccountNumber('8601.11.17947')).toBe('8601 11 17947');
    expect(formatAccountNumber('123')).toBe('123');
  });
});

describe('national identity numbers', () => {
  it('accepts the domain.md example', () => {
    expect(isValidNationalId('15108695088')).toBe(true);
    expect(isValidNationalId('151086 95088')).toBe(true);
  });

  it('accepts a D-number (first digit + 4)', () => {
    expect(isValidNationalId('55108695071')).toBe(true);
  });

  it('rejects wrong check digits', () => {
    expect(isValidNationalId('15108695089')).toBe(false);
    expect(isValidNationalId('15108695078')).toBe(false);
  });

  it('rejects impossible dates even with valid check digits', () => {
    expect(isValidNationalId('31048600053')).toBe(false); // 31 April
    expect(isValidNationalId('29020000064')).toBe(false); // 29 Feb 1900 (individual number 000–499)
    expect(isValidNationalId('29020050088')).toBe(true); // 29 Feb 2000
    expect(isValidNationalId('15108675052')).toBe(false); // individual number 750 was never issued for 1986
  });

  it('rejects wrong length and letters', () => {
    expect(isValidNationalId('1510869508')).toBe(false);
    expect(isValidNationalId('1510869508a')).toBe(false);
  });
});

describe('postcodes', () => {
  it('accepts four digits only', () => {
    expect(isValidPostcode('0150')).toBe(true);
    expect(isValidPostcode('150')).toBe(false);
    expect(isValidPostcode('01500')).toBe(false);
    expect(isValidPostcode('O150')).toBe(false);
  });
});

describe('mobile numbers', () => {
  it.each(['+47 912 34 567', '91234567', '004791234567', '+4791234567', '912 34 567', '912-34-567'])('normalises %j', (input) => {
    expect(normaliseNorwegianMobile(input)).toBe('+4791234567');
    expect(isValidNorwegianMobile(input)).toBe(true);
  });

  it('accepts numbers starting with 4', () => {
    expect(normaliseNorwegianMobile('41234567')).toBe('+4741234567');
  });

  it.each(['22334455', '9123456', '912345678', '+46 912 34 567', '+47 2233 4455', 'abc', ''])('rejects %j', (input) => {
    expect(normaliseNorwegianMobile(input)).toBeNull();
    expect(isValidNorwegianMobile(input)).toBe(false);
  });
});
