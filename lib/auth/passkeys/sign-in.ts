import 'server-only';
import { generateAuthenticationOptions, verifyAuthenticationResponse, type AuthenticationResponseJSON } from '@simplewebauthn/server';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { passkeys } from '@/db/schema';
import { consumeChallenge, relyingParty, storeChallenge } from '@/lib/auth/passkeys/webauthn';
import { beginSecondFactorTry, completeSignIn, failSecondFactorTry, type VerifyResult } from '@/lib/auth/second-factor';
import type { Client } from '@/lib/client-address';
import { markAttemptSucceeded } from '@/lib/auth/throttle';

type PendingSession = { sessionId: string; userId: string; email: string };

/** Options for the second step by passkey: only this user's credentials, a challenge kept on the server. */
export async function passkeySignInOptions(db: Database, session: PendingSession, now: Date) {
  const mine = await db
    .select({ id: passkeys.credentialId, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, session.userId));
  if (mine.length === 0) return null;
  const { rpID } = relyingParty();
  const options = await generateAuthenticationOptions({
    rpID,
    allowCredentials: mine.map((key) => ({ id: key.id, transports: (key.transports ?? undefined) as never })),
    userVerification: 'preferred',
  });
  return { challengeId: await storeChallenge(db, session.userId, 'authentication', options.challenge, now), options };
}

/** The second step by passkey, behind the same throttle and escalation as codes; the challenge is consumed before verifying. */
export async function verifyPasskeySignIn(
  db: Database,
  session: PendingSession,
  challengeId: string,
  response: AuthenticationResponseJSON,
  client: Client,
  now: Date = new Date(),
): Promise<VerifyResult> {
  const begun = await beginSecondFactorTry(db, session, 'passkey', client, now);
  if (!begun.ok) return begun;
  const fail = () => failSecondFactorTry(db, session, begun.attempt, 'invalid', now);
  const challenge = await consumeChallenge(db, challengeId, session.userId, 'authentication', now);
  const [key] = await db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.userId, session.userId), eq(passkeys.credentialId, response.id)));
  if (!challenge || !key) return fail();
  const { rpID, origin } = relyingParty();
  const verified = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential: {
      id: key.credentialId,
      publicKey: new Uint8Array(key.publicKey),
      counter: key.counter,
      transports: (key.transports ?? undefined) as never,
    },
    requireUserVerification: false,
  }).catch(() => null);
  if (!verified?.verified) return fail();
  const done = await db.transaction(async (tx) => {
    await tx.update(passkeys).set({ counter: verified.authenticationInfo.newCounter, lastUsedAt: now }).where(eq(passkeys.id, key.id));
    return completeSignIn(tx, session, 'passkey', client, now);
  });
  if (!done) return fail();
  await markAttemptSucceeded(db, begun.attempt.attemptId);
  return { ok: true, ...done };
}
