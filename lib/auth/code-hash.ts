import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * Short codes at rest (recovery codes, SMS codes): an HMAC with a server-side pepper and a per-code salt, so a
 * database dump alone cannot be searched offline (ASVS 2.6.2), and equal codes never look equal.
 * Format: `h1$<salt>$<mac>` (base64url). The pepper is derived from ENCRYPTION_KEY, the key that already guards
 * the TOTP secrets: rotating it voids both together.
 */
const PREFIX = 'h1';

function pepper(encryptionKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(encryptionKey, 'hex'), Buffer.alloc(0), 'amili:short-code-pepper:v1', 32));
}

let cached: { key: string; pepper: Buffer } | undefined;
function currentPepper(): Buffer {
  const key = env().ENCRYPTION_KEY;
  if (cached?.key !== key) cached = { key, pepper: pepper(key) };
  return cached.pepper;
}

function mac(code: string, salt: Buffer): Buffer {
  return createHmac('sha256', currentPepper()).update(salt).update(code, 'utf8').digest();
}

export function hashCode(code: string): string {
  const salt = randomBytes(16);
  return [PREFIX, salt.toString('base64url'), mac(code, salt).toString('base64url')].join('$');
}

/**
 * Whether `code` matches a stored hash. Recovery codes made before the pepper (a bare SHA-256 in hex) still
 * match until used or replaced; see README (Sign-in and security) for why they are not voided.
 */
export function matchesCode(code: string, stored: string, options: { legacySha256?: boolean } = {}): boolean {
  const [prefix, salt, expected] = stored.split('$');
  if (prefix === PREFIX && salt && expected)
    return safeEqual(mac(code, Buffer.from(salt, 'base64url')), Buffer.from(expected, 'base64url'));
  if (options.legacySha256 && /^[0-9a-f]{64}$/.test(stored))
    return safeEqual(createHash('sha256').update(code).digest(), Buffer.from(stored, 'hex'));
  return false;
}

function safeEqual(a: Buffer, b: Buffer) {
  return a.length === b.length && timingSafeEqual(a, b);
}
