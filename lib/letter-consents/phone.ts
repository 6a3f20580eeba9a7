/** A Norwegian mobile number (+47 and 8 digits starting with 4 or 9, domain.md §6) as +47XXXXXXXX, or null. */
export function normaliseNorwegianMobile(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '').replace(/^(\+47|0047)/, '');
  return /^[49]\d{7}$/.test(digits) ? `+47${digits}` : null;
}
