import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * A mobile number for SMS codes, as E.164: Norwegian numbers (with or without +47) are 8 digits starting with 4 or
 * 9; other countries must be a valid number written with their + prefix. Null when not acceptable.
 */
export function parseMobileNumber(input: string): string | null {
  const compact = input.replace(/[\s().-]/g, '');
  const norwegian = /^(?:\+47|0047)?([49]\d{7})$/.exec(compact);
  if (norwegian) return `+47${norwegian[1]}`;
  if (!compact.startsWith('+') || compact.startsWith('+47')) return null;
  const parsed = parsePhoneNumberFromString(compact);
  if (!parsed?.isValid()) return null;
  const type = parsed.getType();
  return type === undefined || type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE' ? parsed.number : null;
}

/** "+47 98 76 54 32" style for the screen: only the last three digits, for a number we text codes to. */
export function maskPhone(e164: string): string {
  return `${e164.slice(0, 3)} ••• •• ${e164.slice(-3)}`;
}
