import { and, desc, eq } from 'drizzle-orm';
import { passkeys, secondFactors, sessions, smsCodes } from '@/db/schema';
import { hashCode } from '@/lib/auth/code-hash';
import { pendingTotpSecret } from '@/lib/auth/settings/totp-setup';
import { currentTotp, newTotpSecret } from '@/lib/auth/totp';
import type { MatrixFixture, MatrixRow } from '@/tests/authorization/types';
import { E2E_SECRETS } from '@/tests/helpers/e2e-secrets';
import { TEST_PASSWORD } from '@/tests/helpers/factories';

// Security settings concern the caller's own account (`signedIn`). The input does not know which principal calls,
// so rows that need state give it to every fixture user. Passwords are the factories' TEST_PASSWORD.
const STRONG_PASSWORD = 'Fjordlys-kaffe-tirsdag-2026';
const SMS_CODE = '482915';

function everyone(fx: MatrixFixture) {
  return Object.values(fx.users).map((user) => user.id);
}

async function giveSms(fx: MatrixFixture) {
  await fx.db
    .insert(secondFactors)
    .values(everyone(fx).map((userId) => ({ userId, method: 'sms' as const, phone: '+4791234567', confirmedAt: new Date() })))
    .onConflictDoNothing();
}

export const rows: MatrixRow[] = [
  {
    file: 'lib/auth/settings/actions.ts',
    name: 'changePasswordAction',
    needs: 'signedIn',
    writes: true,
    input: () => ({ form: { currentPassword: TEST_PASSWORD, newPassword: STRONG_PASSWORD, confirmPassword: STRONG_PASSWORD } }),
  },
  {
    file: 'lib/auth/settings/actions.ts',
    name: 'reauthenticateAction',
    needs: 'signedIn',
    writes: true,
    // Also on Integrasjoner, a page for Administrators only: the matrix posts it where every user may be.
    page: 'app/[locale]/(portal)/settings/security/page',
    input: () => ({ form: { currentPassword: TEST_PASSWORD } }),
  },
  {
    file: 'lib/auth/settings/actions.ts',
    name: 'confirmTotpAction',
    needs: 'signedIn',
    writes: true,
    // The code of the secret the page offers the caller's session (the server ignores a posted secret).
    input: async (fx, principal) => {
      const userId = principal === 'anonymous' ? null : principal === 'pendingSecondFactor' ? fx.users.admin.id : fx.users[principal].id;
      const [session] = userId
        ? await fx.db
            .select({ id: sessions.id })
            .from(sessions)
            .where(eq(sessions.userId, userId))
            .orderBy(desc(sessions.createdAt))
            .limit(1)
        : [];
      const [totp] = userId
        ? await fx.db
            .select({ confirmedAt: secondFactors.confirmedAt })
            .from(secondFactors)
            .where(and(eq(secondFactors.userId, userId), eq(secondFactors.method, 'totp')))
        : [];
      const secret = session ? pendingTotpSecret(session.id, totp?.confirmedAt ?? null, E2E_SECRETS.AUTH_SECRET) : newTotpSecret();
      return { form: { code: await currentTotp(secret) } };
    },
  },
  {
    file: 'lib/auth/settings/actions.ts',
    name: 'sendSmsSetupCodeAction',
    needs: 'signedIn',
    writes: true,
    input: () => ({ form: { phone: '912 34 567' } }),
  },
  {
    file: 'lib/auth/settings/actions.ts',
    name: 'confirmSmsAction',
    needs: 'signedIn',
    writes: true,
    input: async (fx) => {
      const expiresAt = new Date(Date.now() + 5 * 60 * 1000);
      await fx.db.insert(smsCodes).values(
        everyone(fx).map((userId) => ({
          userId,
          purpose: 'setup' as const,
          phone: '+4791234567',
          codeHash: hashCode(SMS_CODE),
          expiresAt,
        })),
      );
      return { form: { code: SMS_CODE } };
    },
  },
  {
    file: 'lib/auth/settings/actions.ts',
    name: 'removeMethodAction',
    needs: 'signedIn',
    writes: true,
    input: async (fx) => {
      await giveSms(fx);
      return { form: { method: 'sms' } };
    },
  },
  {
    file: 'lib/auth/settings/actions.ts',
    name: 'setPreferredMethodAction',
    needs: 'signedIn',
    writes: true,
    input: async (fx) => {
      await giveSms(fx);
      return { form: { method: 'sms' } };
    },
  },
  {
    file: 'lib/auth/settings/actions.ts',
    name: 'regenerateRecoveryCodesAction',
    needs: 'signedIn',
    writes: true,
    input: () => ({ form: {} }),
  },
  {
    file: 'lib/auth/settings/actions.ts',
    name: 'signOutOtherSessionsAction',
    needs: 'signedIn',
    writes: true,
    input: () => ({ form: {} }),
  },
  {
    file: 'lib/auth/settings/actions.ts',
    name: 'removePasskeyAction',
    needs: 'signedIn',
    writes: true,
    // The caller's own passkey (for anonymous, the company Administrator's, whose removal must then be refused).
    input: async (fx, principal) => {
      const owner = principal === 'anonymous' || principal === 'pendingSecondFactor' ? fx.users.admin : fx.users[principal];
      const [passkey] = await fx.db
        .insert(passkeys)
        .values({ userId: owner.id, credentialId: crypto.randomUUID(), publicKey: new Uint8Array([1, 2, 3]), name: 'Matrise' })
        .returning({ id: passkeys.id });
      return { form: { passkeyId: passkey?.id ?? '' } };
    },
  },
  {
    file: 'lib/auth/passkeys/actions.ts',
    name: 'passkeyRegistrationOptionsAction',
    needs: 'signedIn',
    writes: true,
    input: () => ({ form: {} }),
  },
  {
    file: 'lib/auth/passkeys/actions.ts',
    name: 'registerPasskeyAction',
    needs: 'signedIn',
    // A valid call needs an authenticator's signed answer to a live challenge (tests/e2e/security-two-factor.test.ts
    // registers one with a CDP virtual authenticator); here the gate's cells, and that a made-up answer books nothing.
    writes: false,
    input: () => ({
      form: {
        challengeId: crypto.randomUUID(),
        name: 'Matrise',
        response: JSON.stringify({
          id: 'x',
          rawId: 'x',
          type: 'public-key',
          response: { clientDataJSON: 'e30' },
          clientExtensionResults: {},
        }),
      },
    }),
  },
  {
    file: 'lib/auth/actions.ts',
    name: 'sendSignInSmsAction',
    needs: 'public',
    writes: true,
    input: () => ({ form: {} }),
    notCalled:
      'acts on the caller’s own pending sign-in (after the password step), which is none of the matrix principals; covered in tests/e2e/security-two-factor.test.ts',
  },
  {
    file: 'lib/auth/actions.ts',
    name: 'passkeySignInOptionsAction',
    needs: 'public',
    writes: true,
    input: () => ({ form: {} }),
    notCalled: 'acts on the caller’s own pending sign-in; covered in tests/e2e/security-two-factor.test.ts',
  },
  {
    file: 'lib/auth/actions.ts',
    name: 'passkeySignInAction',
    needs: 'public',
    writes: true,
    input: () => ({ form: {} }),
    notCalled:
      'needs an authenticator’s signed answer for the caller’s own pending sign-in; covered in tests/e2e/security-two-factor.test.ts',
  },
];
