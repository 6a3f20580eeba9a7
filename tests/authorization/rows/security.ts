import { secondFactors, smsCodes } from '@/db/schema';
import { sha256 } from '@/lib/auth/crypto';
import { currentTotp, newTotpSecret } from '@/lib/auth/totp';
import type { MatrixFixture, MatrixRow } from '@/tests/authorization/types';
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
    file: 'lib/security/actions.ts',
    name: 'changePasswordAction',
    needs: 'signedIn',
    writes: true,
    input: () => ({ form: { currentPassword: TEST_PASSWORD, newPassword: STRONG_PASSWORD, confirmPassword: STRONG_PASSWORD } }),
  },
  {
    file: 'lib/security/actions.ts',
    name: 'reauthenticateAction',
    needs: 'signedIn',
    writes: true,
    input: () => ({ form: { currentPassword: TEST_PASSWORD } }),
  },
  {
    file: 'lib/security/actions.ts',
    name: 'confirmTotpAction',
    needs: 'signedIn',
    writes: true,
    input: async () => {
      const secret = newTotpSecret();
      return { form: { secret, code: await currentTotp(secret) } };
    },
  },
  {
    file: 'lib/security/actions.ts',
    name: 'sendSmsSetupCodeAction',
    needs: 'signedIn',
    writes: true,
    input: () => ({ form: { phone: '912 34 567' } }),
  },
  {
    file: 'lib/security/actions.ts',
    name: 'confirmSmsAction',
    needs: 'signedIn',
    writes: true,
    input: async (fx) => {
      const expiresAt = new Date(Date.now() + 5 * 60 * 1000);
      await fx.db.insert(smsCodes).values(everyone(fx).map((userId) => ({ userId, purpose: 'setup' as const, phone: '+4791234567', codeHash: sha256(SMS_CODE), expiresAt })));
      return { form: { code: SMS_CODE } };
    },
  },
  {
    file: 'lib/security/actions.ts',
    name: 'removeMethodAction',
    needs: 'signedIn',
    writes: true,
    input: async (fx) => {
      await giveSms(fx);
      return { form: { method: 'sms' } };
    },
  },
  {
    file: 'lib/security/actions.ts',
    name: 'setPreferredMethodAction',
    needs: 'signedIn',
    writes: true,
    input: async (fx) => {
      await giveSms(fx);
      return { form: { method: 'sms' } };
    },
  },
  {
    file: 'lib/security/actions.ts',
    name: 'regenerateRecoveryCodesAction',
    needs: 'signedIn',
    writes: true,
    input: () => ({ form: {} }),
  },
  {
    file: 'lib/security/actions.ts',
    name: 'signOutOtherSessionsAction',
    needs: 'signedIn',
    writes: true,
    input: () => ({ form: {} }),
  },
  {
    file: 'lib/security/actions.ts',
    name: 'removePasskeyAction',
    needs: 'signedIn',
    writes: true,
    input: () => ({ form: { passkeyId: crypto.randomUUID() } }),
    notCalled: 'the id must be the calling principal’s own passkey, which the input cannot know; refusals are the gate’s requireSignedIn, removal is covered in tests/e2e/security-two-factor.test.ts',
  },
  {
    file: 'lib/passkeys/actions.ts',
    name: 'passkeyRegistrationOptionsAction',
    needs: 'signedIn',
    writes: true,
    input: () => ({ form: {} }),
  },
  {
    file: 'lib/passkeys/actions.ts',
    name: 'registerPasskeyAction',
    needs: 'signedIn',
    writes: true,
    input: () => ({ form: {} }),
    notCalled: 'a valid call needs an authenticator’s signed answer to a live challenge; covered with a CDP virtual authenticator in tests/e2e/security-two-factor.test.ts',
  },
  {
    file: 'lib/auth/actions.ts',
    name: 'sendSignInSmsAction',
    needs: 'public',
    writes: true,
    input: () => ({ form: {} }),
    notCalled: 'acts on the caller’s own pending sign-in (after the password step), which is none of the matrix principals; covered in tests/e2e/security-two-factor.test.ts',
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
    notCalled: 'needs an authenticator’s signed answer for the caller’s own pending sign-in; covered in tests/e2e/security-two-factor.test.ts',
  },
];
