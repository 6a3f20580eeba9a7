import { z } from 'zod';
import { isIsoDate, todayInOslo } from '@/lib/dates';
import type { MoneyLocale } from '@/lib/money';
import { parseAmountInput } from './amount';

export const PAYMENT_KINDS = ['payment', 'credit'] as const;

export const formLocaleSchema = z.enum(['nb', 'en']).catch('nb');

function amountIn(locale: MoneyLocale) {
  return z.string('validation.required').transform((typed, ctx) => {
    const amount = parseAmountInput(typed.slice(0, 40), locale);
    if (amount.ok) return amount.ore;
    ctx.addIssue({ code: 'custom', message: amount.messageKey });
    return z.NEVER;
  });
}

/**
 * Endre sak → Registrer betaling (or Kreditering). The form holds what the user typed (`amount`, in the page's
 * locale, so '1 234,50' in nb and '1,234.50' in en); the schema turns it into `amountOre`. The date must not be
 * in the future (Oslo's today); the case-dependent rules (invoice date, outstanding amount) are the mutation's.
 */
export function registerPaymentSchema(locale: MoneyLocale) {
  return z
    .object({
      caseId: z.uuid('cases.errors.reloadForm'),
      idempotencyKey: z.uuid('cases.errors.reloadForm'),
      kind: z.enum(PAYMENT_KINDS, 'validation.required'),
      invoiceId: z
        .string()
        .optional()
        .transform((value) => value?.trim() || undefined)
        .pipe(z.uuid('payments.errors.invoiceNotFound').optional()),
      paidOn: z
        .string('validation.required')
        .trim()
        .min(1, 'validation.required')
        .refine(isIsoDate, 'payments.errors.dateInvalid')
        .refine((value) => value <= todayInOslo(), 'payments.errors.dateFuture'),
      currency: z
        .string('validation.required')
        .trim()
        .regex(/^[A-Z]{3}$/, 'payments.errors.currency'),
      amount: amountIn(locale),
      // Set by the confirmation step the server shows when the amount is above the outstanding amount.
      confirmedAmount: z
        .string()
        .optional()
        .transform((typed) => {
          const confirmed = typed ? parseAmountInput(typed.slice(0, 40), locale) : null;
          return confirmed?.ok ? confirmed.ore : null;
        }),
    })
    .transform(({ amount, confirmedAmount, ...rest }) => ({ ...rest, amountOre: amount, confirmedOverpaymentOre: confirmedAmount }));
}

export type RegisterPaymentInput = z.output<ReturnType<typeof registerPaymentSchema>>;
