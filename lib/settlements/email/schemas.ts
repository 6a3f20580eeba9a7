import { z } from 'zod';

const email = z.email();

/** Innstillinger → Selskap → Oppgjørsrapporter: an empty address means "send no email". */
export const settlementEmailSchema = z.object({
  companyId: z.uuid({ message: 'validation.invalid' }),
  settlementEmail: z
    .string({ message: 'validation.invalid' })
    .trim()
    .max(254, { message: 'validation.tooLong' })
    .refine((value) => value === '' || email.safeParse(value).success, { message: 'validation.email' })
    .transform((value) => (value === '' ? null : value)),
  settlementEmailLocale: z.enum(['nb', 'en'], { message: 'validation.invalid' }),
});

export type SettlementEmailInput = z.infer<typeof settlementEmailSchema>;
