import { createHash, randomBytes } from 'node:crypto';

// A key reads `ac_<prefix>_<secret>`: the prefix (8 hex) is stored in clear to tell keys apart in the list,
// the whole key only as its SHA-256 (32 random bytes of secret need no slow hash).
const KEY_PATTERN = /^ac_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export function generateApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(4).toString('hex');
  const key = `ac_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, secretHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The key from `Authorization: Bearer …`, if it has the key's shape (anything else is no key at all). */
export function bearerKey(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  const key = match?.[1];
  return key && KEY_PATTERN.test(key) ? key : null;
}
