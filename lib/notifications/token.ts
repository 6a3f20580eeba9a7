import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const NOTIFICATION_KINDS = ['tasks', 'messages'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** An unsubscribe link works for 60 days; later emails carry fresh ones. */
export const UNSUBSCRIBE_TTL_MS = 60 * 24 * 60 * 60 * 1000;

export type UnsubscribeClaim = { userId: string; kind: NotificationKind; expiresAt: Date };

function sign(payload: string, secret: string): string {
  // A key of its own for this purpose, derived from the app secret, so a token means nothing elsewhere.
  return createHmac('sha256', `unsubscribe:${secret}`).update(payload).digest('base64url');
}

/** `<userId>.<kind>.<expiry seconds>.<signature>`: no secret in it, only the right to turn off one kind of email. */
export function signUnsubscribeToken(claim: { userId: string; kind: NotificationKind }, secret: string, now = new Date()): string {
  const expires = Math.floor((now.getTime() + UNSUBSCRIBE_TTL_MS) / 1000);
  const payload = `${claim.userId}.${claim.kind}.${expires}`;
  return `${payload}.${sign(payload, secret)}`;
}

const claimSchema = z.object({ userId: z.uuid(), kind: z.enum(NOTIFICATION_KINDS), expires: z.coerce.number().int().positive() });

/** The claim of a genuine, unexpired token; null for anything tampered, truncated or expired. */
export function verifyUnsubscribeToken(token: string, secret: string, now = new Date()): UnsubscribeClaim | null {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [userId, kind, expires, signature] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(`${userId}.${kind}.${expires}`, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const parsed = claimSchema.safeParse({ userId, kind, expires });
  if (!parsed.success) return null;
  const expiresAt = new Date(parsed.data.expires * 1000);
  if (expiresAt.getTime() <= now.getTime()) return null;
  return { userId: parsed.data.userId, kind: parsed.data.kind, expiresAt };
}
