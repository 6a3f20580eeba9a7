import { z } from 'zod';
import { routing } from '@/lib/i18n/routing';

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'validation.required')
    .max(254, 'validation.tooLong')
    .pipe(z.email('validation.email'))
    .transform((email) => email.toLowerCase()),
  password: z.string().min(1, 'validation.required').max(200, 'validation.tooLong'),
});

export const verifyCodeSchema = z.object({
  code: z
    .string()
    .transform((code) => code.replace(/\s/g, ''))
    .pipe(
      z
        .string()
        .min(1, 'validation.required')
        .regex(/^\d{6}$/, 'validation.code'),
    ),
});

export const verifyRecoveryCodeSchema = z.object({
  code: z
    .string()
    .transform((code) => code.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .pipe(
      z
        .string()
        .min(1, 'validation.required')
        .regex(/^[a-z0-9]{10}$/, 'validation.recoveryCode'),
    ),
});

export const setLocaleSchema = z.object({
  locale: z.enum(routing.locales),
  // The page to return to, without its locale prefix; only same-site paths.
  returnTo: z
    .string()
    .max(2000)
    .regex(/^\/(?!\/)[^\s\\]*$/)
    .catch('/cases'),
});
