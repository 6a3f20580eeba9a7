export type KidMethod = 'mod10' | 'mod11';

const DIGITS = /^\d+$/;

function assertDigits(digits: string): void {
  if (!DIGITS.test(digits)) throw new RangeError(`Expected one or more digits, got "${digits}"`);
}

function stripSpaces(value: string): string {
  return value.replace(/\s/g, '');
}

function digitAt(digits: string, index: number): number {
  return digits.charCodeAt(index) - 48;
}

/** MOD10 (Luhn) check digit for `digits` (without the check digit). Throws RangeError on non-digits. */
export function mod10CheckDigit(digits: string): string {
  assertDigits(digits);
  let sum = 0;
  for (let fromRight = 0; fromRight < digits.length; fromRight += 1) {
    const product = digitAt(digits, digits.length - 1 - fromRight) * (fromRight % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product; // adds the two digits of a product 10–18
  }
  return String((10 - (sum % 10)) % 10);
}

function mod11Remainder(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    sum += digitAt(digits, index) * (weights[index] ?? 0);
  }
  return (11 - (sum % 11)) % 11;
}

function mod11WeightsFromRight(length: number): number[] {
  return Array.from({ length }, (_, index) => 2 + ((length - 1 - index) % 6));
}

/**
 * MOD11 check digit with weights 2–7 from the right: 11 → `0`, 10 → `-`. Organisation and account numbers
 * use the same weights but treat `-` as invalid. Throws RangeError on non-digits.
 */
export function mod11CheckDigit(digits: string): string {
  assertDigits(digits);
  const check = mod11Remainder(digits, mod11WeightsFromRight(digits.length));
  return check === 10 ? '-' : String(check);
}

/**
 * A KID is 2–25 characters: digits with a MOD10 or MOD11 check digit last. A MOD11 KID may end in `-`
 * (remainder 10, as the bank specification allows), so `makeKid` and this function always agree.
 */
export function isValidKid(kid: string): boolean {
  if (!/^\d{1,24}[\d-]$/.test(kid)) return false;
  const base = kid.slice(0, -1);
  const check = kid.slice(-1);
  return mod10CheckDigit(base) === check || mod11CheckDigit(base) === check;
}

/** Appends a check digit to 1–24 digits. Throws RangeError on other input. */
export function makeKid(base: string, method: KidMethod = 'mod10'): string {
  if (!/^\d{1,24}$/.test(base)) throw new RangeError(`A KID base is 1–24 digits, got "${base}"`);
  return base + (method === 'mod10' ? mod10CheckDigit(base) : mod11CheckDigit(base));
}

function hasValidMod11Check(digits: string, length: number): boolean {
  if (digits.length !== length || !DIGITS.test(digits)) return false;
  return mod11CheckDigit(digits.slice(0, -1)) === digits.slice(-1);
}

/** Nine digits with a MOD11 check digit (weights 3,2,7,6,5,4,3,2); spaces are ignored. */
export function isValidOrganisationNumber(value: string): boolean {
  return hasValidMod11Check(stripSpaces(value), 9);
}

/** Eleven digits with a MOD11 check digit (weights 5,4,3,2,7,6,5,4,3,2); spaces and dots are ignored. */
export function isValidAccountNumber(value: string): boolean {
  return hasValidMod11Check(stripSpaces(value).replace(/\./g, ''), 11);
}

/** `86011117947` → `8601 11 17947`. Anything that is not 11 digits (after removing spaces and dots) is returned as given. */
export function formatAccountNumber(value: string): string {
  const digits = stripSpaces(value).replace(/\./g, '');
  if (!/^\d{11}$/.test(digits)) return value;
  return `${digits.slice(0, 4)} ${digits.slice(4, 6)} ${digits.slice(6)}`;
}

/** `123456785` → `123 456 785`. Anything that is not 9 digits (after removing spaces) is returned as given. */
export function formatOrganisationNumber(value: string): string {
  const digits = stripSpaces(value);
  if (!/^\d{9}$/.test(digits)) return value;
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

const NATIONAL_ID_K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const NATIONAL_ID_K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

// The individual number (digits 7–9) decides the century; combinations never issued have none.
function birthYear(twoDigitYear: number, individualNumber: number): number | null {
  if (individualNumber <= 499) return 1900 + twoDigitYear;
  if (individualNumber <= 749 && twoDigitYear >= 54) return 1800 + twoDigitYear;
  if (twoDigitYear <= 39) return 2000 + twoDigitYear;
  if (individualNumber >= 900) return 1900 + twoDigitYear;
  return null;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Fødselsnummer or D-number (first digit + 4): a real birth date and both check digits, spaces ignored.
 * Numbers issued under the rule that starts in 2032 (relaxed K1) are not recognised yet.
 */
export function isValidNationalId(value: string): boolean {
  const digits = stripSpaces(value);
  if (!/^\d{11}$/.test(digits)) return false;
  const rawDay = Number(digits.slice(0, 2));
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const month = Number(digits.slice(2, 4));
  const year = birthYear(Number(digits.slice(4, 6)), Number(digits.slice(6, 9)));
  if (year === null || !isRealDate(year, month, day)) return false;
  const k1 = mod11Remainder(digits.slice(0, 9), NATIONAL_ID_K1_WEIGHTS);
  const k2 = mod11Remainder(digits.slice(0, 10), NATIONAL_ID_K2_WEIGHTS);
  return k1 !== 10 && k2 !== 10 && k1 === digitAt(digits, 9) && k2 === digitAt(digits, 10);
}

/** Norwegian postcodes are four digits (leading zeros matter, so keep them as strings). */
export function isValidPostcode(value: string): boolean {
  return /^\d{4}$/.test(value.trim());
}

/**
 * Normalises a Norwegian mobile number to `+47XXXXXXXX`, or `null`. Accepts an optional `+47` / `0047` prefix,
 * spaces and hyphens; the eight digits must start with 4 or 9.
 */
export function normaliseNorwegianMobile(value: string): string | null {
  const match = /^(?:\+47|0047)?([49]\d{7})$/.exec(value.replace(/[\s-]/g, ''));
  return match ? `+47${match[1]}` : null;
}

export function isValidNorwegianMobile(value: string): boolean {
  return normaliseNorwegianMobile(value) !== null;
}
