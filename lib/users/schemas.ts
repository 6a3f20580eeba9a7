import { z } from 'zod';
import { ROLES } from '@/lib/roles';

export const roleSchema = z.enum(ROLES, 'users.errors.invalidRole');

const companyIdsSchema = z.array(z.uuid('users.errors.companyNotAllowed')).max(200);

/** "Rediger": one role for the ticked companies; `scope` lists the companies the dialog showed. */
export const editMemberSchema = z.object({
  companyId: z.uuid('common.errors.notFound'),
  userId: z.uuid('users.errors.userNotFound'),
  role: roleSchema,
  companyIds: companyIdsSchema,
  scope: companyIdsSchema.min(1, 'users.errors.companyNotAllowed'),
});

export const deleteUserSchema = z.object({
  companyId: z.uuid('common.errors.notFound'),
  userId: z.uuid('users.errors.userNotFound'),
});

export const profileSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  phone: z
    .string()
    .max(40, 'validation.tooLong')
    .transform((phone) => phone.replace(/[\s-]/g, ''))
    .pipe(z.union([z.literal(''), z.string().regex(/^\+?\d{8,15}$/, 'users.errors.phone')])),
});

export type EditMemberInput = z.infer<typeof editMemberSchema>;
export type DeleteUserInput = z.infer<typeof deleteUserSchema>;
export type ProfileInput = z.infer<typeof profileSchema>;

/** The edit form's fields as the schema reads them (checkboxes and the scope repeat). */
export function editFormInput(formData: FormData) {
  return { ...Object.fromEntries(formData), companyIds: formData.getAll('companyIds'), scope: formData.getAll('scope') };
}
