import { createHmac, randomBytes } from 'node:crypto';
import { base32, sha256 } from '@/lib/auth/crypto';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/routing';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** A single-use link token: only its sha256 is stored, the token itself goes into the email. */
export function newInvitationToken() {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: sha256(token) };
}

export function invitationExpiry(now = new Date()) {
  return new Date(now.getTime() + INVITATION_TTL_MS);
}

export function invitationUrl(locale: Locale, token: string) {
  return `${env().PORTAL_URL}/${locale}/invitation/${token}`;
}

/**
 * The TOTP secret the invitee sets up, derived from the link token with the server key: the same on every
 * render of the acceptance page (a failed attempt keeps the app's entry valid), new with every new link.
 */
export function invitationTotpSecret(token: string): string {
  return base32(createHmac('sha256', env().AUTH_SECRET).update(`invitation-totp:${token}`).digest().subarray(0, 20));
}
