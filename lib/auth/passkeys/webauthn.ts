import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db';
import { webauthnChallenges } from '@/db/schema';
import { env } from '@/lib/env';

export const CHALLENGE_TTL_MS = 5 * 60 * 1000;

/**
 * The relying party is the portal's configured address (PORTAL_URL), never a request header: X-Forwarded-Host is
 * whatever the client or a proxy says, and a passkey bound to a host of an attacker's choosing would not be ours.
 */
export function relyingParty(portalUrl = env().PORTAL_URL) {
  const url = new URL(portalUrl);
  // WebAuthn refuses an IP address as relying party: a portal on the loopback address (the tests, a local demo) is
  // "localhost", the one name a browser accepts for it.
  if (url.hostname === '127.0.0.1' || url.hostname === '[::1]') url.hostname = 'localhost';
  return { rpID: url.hostname, origin: url.origin };
}

export async function storeChallenge(
  db: Executor,
  userId: string,
  purpose: 'registration' | 'authentication',
  challenge: string,
  now: Date,
) {
  const [row] = await db
    .insert(webauthnChallenges)
    .values({ userId, purpose, challenge, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) })
    .returning({ id: webauthnChallenges.id });
  if (!row) throw new Error('challenge insert returned nothing');
  return row.id;
}

/** Deletes the challenge before anything is verified (single use), and returns it only if it was still valid. */
export async function consumeChallenge(db: Executor, id: string, userId: string, purpose: 'registration' | 'authentication', now: Date) {
  const [row] = await db
    .delete(webauthnChallenges)
    .where(and(eq(webauthnChallenges.id, id), eq(webauthnChallenges.userId, userId), eq(webauthnChallenges.purpose, purpose)))
    .returning({ challenge: webauthnChallenges.challenge, expiresAt: webauthnChallenges.expiresAt });
  return row && row.expiresAt > now ? row.challenge : null;
}

/** The browser's response, posted as JSON text; its inner fields are checked by @simplewebauthn/server. */
export const ceremonyResponse = z
  .string()
  .min(2)
  .max(20_000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'validation.invalid' });
      return z.NEVER;
    }
  })
  .pipe(
    z.looseObject({
      id: z.string().min(1).max(1024),
      rawId: z.string().min(1).max(1024),
      type: z.literal('public-key'),
      response: z.looseObject({ clientDataJSON: z.string() }),
      clientExtensionResults: z.looseObject({}),
    }),
  );
