import { createHmac, hkdfSync } from 'node:crypto';
import { env } from '@/lib/env';
import { hashCode } from './code-hash';

/**
 * The sign-in code printed on a letter (Min side without BankID): 12 characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L), about 59 bits. Derived from the letter's id with a key from ENCRYPTION_KEY, so every rendering of
 * the letter (HTML, PDF) prints the same code without storing it; what is stored is its peppered hash (code-hash.ts).
 */
export const LETTER_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const LETTER_CODE_LENGTH = 12;
/** A letter's code opens Min side this long after the letter's date (a later letter brings a new code). */
export const LETTER_CODE_VALID_DAYS = 180;

function derivationKey(): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(env().ENCRYPTION_KEY, 'hex'), Buffer.alloc(0), 'amili:letter-code:v1', 32));
}

/** The letter's code, without separators. Two bytes per character keep the modulo bias below 0.05 %. */
export function letterAccessCode(letterId: string): string {
  const mac = createHmac('sha256', derivationKey()).update(letterId).digest();
  let code = '';
  for (let i = 0; i < LETTER_CODE_LENGTH; i++) code += LETTER_CODE_ALPHABET[mac.readUInt16BE(i * 2) % LETTER_CODE_ALPHABET.length];
  return code;
}

/** As printed: three groups of four (ABCD-EFGH-JKMN). */
export function formatLetterCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** What the debtor typed, as stored: upper case, spaces and hyphens dropped. */
export function normaliseLetterCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** The row the engine stores with a letter it sends: the code's hash and when it stops opening Min side. */
export function letterAccessCodeRow(letter: { id: string; companyId: string; caseId: string; sentOn: string }) {
  const expiresAt = new Date(`${letter.sentOn}T00:00:00Z`);
  expiresAt.setUTCDate(expiresAt.getUTCDate() + LETTER_CODE_VALID_DAYS + 1);
  return {
    companyId: letter.companyId,
    caseId: letter.caseId,
    letterId: letter.id,
    codeHash: hashCode(letterAccessCode(letter.id)),
    expiresAt,
  };
}
