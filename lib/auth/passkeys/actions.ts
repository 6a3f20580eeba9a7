'use server';

import { generateRegistrationOptions, verifyRegistrationResponse, type RegistrationResponseJSON } from '@simplewebauthn/server';
import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/db';
import { passkeys } from '@/db/schema';
import { requireSignedIn } from '@/lib/auth/gate';
import type { LiveSession } from '@/lib/auth/session';
import { recordEvent } from '@/lib/events/record';
import { failed, guarded, invalid, succeeded, type FormState } from '@/lib/form-state';
import { assertRecentlyAuthenticated } from '@/lib/auth/settings/mutations';
import { ceremonyResponse, consumeChallenge, relyingParty, storeChallenge } from './webauthn';

export type PasskeyOptionsState =
  { ok: true; challengeId: string; options: Awaited<ReturnType<typeof generateRegistrationOptions>> } | { ok: false; message: string };

/** Step 1 of "Legg til passnøkkel": options with a fresh challenge kept on the server. */
export async function passkeyRegistrationOptionsAction(): Promise<PasskeyOptionsState> {
  return guarded(
    undefined,
    async () => {
      const live = await requireSignedIn();
      const now = new Date();
      assertRecentlyAuthenticated({ ...live }, now);
      return registrationOptions(live, now);
    },
    (error) => ({ ok: false, message: error.messageKey }),
  );
}

async function registrationOptions(live: LiveSession, now: Date): Promise<PasskeyOptionsState> {
  const { rpID } = relyingParty();
  const existing = await db
    .select({ id: passkeys.credentialId, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, live.userId));
  const options = await generateRegistrationOptions({
    rpName: 'Amili',
    rpID,
    userName: live.email,
    userDisplayName: live.name,
    attestationType: 'none',
    excludeCredentials: existing.map((key) => ({ id: key.id, transports: (key.transports ?? undefined) as never })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  const challengeId = await storeChallenge(db, live.userId, 'registration', options.challenge, now);
  return { ok: true, challengeId, options };
}

const registerSchema = z.object({
  challengeId: z.uuid('validation.invalid'),
  name: z.string().trim().min(1, 'validation.required').max(60, 'validation.tooLong'),
  response: ceremonyResponse,
});

/** Step 2: the authenticator's answer; the challenge is consumed before it is verified. */
export async function registerPasskeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const live = await requireSignedIn();
    const parsed = registerSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    const now = new Date();
    assertRecentlyAuthenticated({ ...live }, now);
    const challenge = await consumeChallenge(db, parsed.data.challengeId, live.userId, 'registration', now);
    if (!challenge) return failed('security.passkeys.failed', formData);
    const { rpID, origin } = relyingParty();
    const verified = await verifyRegistrationResponse({
      response: parsed.data.response as unknown as RegistrationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
    }).catch(() => null);
    if (!verified?.verified || !verified.registrationInfo) return failed('security.passkeys.failed', formData);
    const { credential } = verified.registrationInfo;
    await db.transaction(async (tx) => {
      await tx.insert(passkeys).values({
        userId: live.userId,
        credentialId: credential.id,
        publicKey: credential.publicKey,
        counter: credential.counter,
        transports: credential.transports ?? null,
        name: parsed.data.name,
        createdAt: now,
      });
      const added = { type: 'user.second_factor_added', userId: live.userId, data: { method: 'passkey', replaced: false } } as const;
      await recordEvent(tx, { userId: live.userId, companyId: null }, added);
    });
    revalidatePath('/[locale]/(portal)/settings/security', 'page');
    return succeeded('security.passkeys.saved');
  });
}
