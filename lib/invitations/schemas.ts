import { z } from 'zod';
import { routing } from '@/lib/i18n/routing';
import { roleSchema } from '@/lib/users/schemas';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';

export { MIN_PASSWORD_LENGTH };

export const MAX_INVITATIONS_AT_ONCE = 50;
/** 32 random bytes, base64url: what an invitation link carries. */
export const INVITATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Addresses separated by commas, semicolons, spaces or new lines; lower-cased, duplicates dropped. */
function splitAddresses(raw: string): string[] {
  return [
    ...new Set(
      raw
        .split(/[\s,;]+/)
        .map((address) => address.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

export const inviteUsersSchema = z.object({
  // The company chosen in the dropdown: the inviter must be its Administrator.
  companyId: z.uuid('common.errors.notFound'),
  emails: z
    .string('users.errors.noAddresses')
    .max(50_000, 'users.errors.tooManyAddresses')
    .transform(splitAddresses)
    .pipe(z.array(z.string()).min(1, 'users.errors.noAddresses').max(MAX_INVITATIONS_AT_ONCE, 'users.errors.tooManyAddresses'))
    .pipe(z.array(z.string().max(254, 'users.errors.invalidAddresses').pipe(z.email('users.errors.invalidAddresses')))),
  role: roleSchema,
  locale: z.enum(routing.locales, 'validation.invalid'),
  companyIds: z.array(z.uuid('users.errors.companyNotAllowed')).min(1, 'users.errors.noCompanies').max(200),
});

export const invitationRefSchema = z.object({
  companyId: z.uuid('common.errors.notFound'),
  invitationId: z.uuid('users.errors.invitationNotFound'),
});

export const acceptInvitationSchema = z.object({
  token: z.string().regex(INVITATION_TOKEN_PATTERN, 'users.errors.invitationInvalid'),
  name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  password: z.string().min(MIN_PASSWORD_LENGTH, 'security.password.tooShort').max(200, 'validation.tooLong'),
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

/** "Godta invitasjonen" for an account that exists: the link's token only (the session says who). */
export const acceptAsMemberSchema = z.object({ token: z.string().regex(INVITATION_TOKEN_PATTERN, 'users.errors.invitationInvalid') });

export type InviteUsersInput = z.infer<typeof inviteUsersSchema>;
export type InvitationRefInput = z.infer<typeof invitationRefSchema>;

/** The invite form's fields as the schema reads them (checkboxes repeat). */
export function inviteFormInput(formData: FormData) {
  return { ...Object.fromEntries(formData), companyIds: formData.getAll('companyIds') };
}
