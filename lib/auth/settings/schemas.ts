import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';
import { parseMobileNumber } from '@/lib/auth/phone';

export const METHODS = ['totp', 'sms', 'passkey'] as const;
export type Method = (typeof METHODS)[number];

const code = z
  .string()
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(
    z
      .string()
      .min(1, 'validation.required')
      .regex(/^\d{6}$/, 'validation.code'),
  );

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'validation.required').max(200, 'validation.tooLong'),
    newPassword: z
      .string()
      .min(1, 'validation.required')
      .min(MIN_PASSWORD_LENGTH, 'security.password.tooShort')
      .max(200, 'validation.tooLong'),
    confirmPassword: z.string().min(1, 'validation.required').max(200, 'validation.tooLong'),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ['confirmPassword'], message: 'security.password.mismatch' });

export const reauthenticateSchema = z.object({
  currentPassword: z.string().min(1, 'validation.required').max(200, 'validation.tooLong'),
});

// Only the code: the secret is the server's pending one (lib/auth/settings/totp-setup.ts), never taken from the post.
export const confirmTotpSchema = z.object({
  code,
});

export const sendSmsSetupSchema = z.object({
  phone: z
    .string()
    .trim()
    .min(1, 'validation.required')
    .max(30, 'validation.tooLong')
    .transform((value, ctx) => {
      const parsed = parseMobileNumber(value);
      if (!parsed) {
        ctx.addIssue({ code: 'custom', message: 'security.sms.invalidPhone' });
        return z.NEVER;
      }
      return parsed;
    }),
});

export const confirmSmsSchema = z.object({ code });

export const methodSchema = z.object({ method: z.enum(METHODS, 'validation.invalid') });

export const removePasskeySchema = z.object({ passkeyId: z.uuid('validation.invalid') });
