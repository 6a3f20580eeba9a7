import { z } from 'zod';
import type { MoneyLocale } from '@/lib/money';
import { parseAmountInput } from '@/lib/payments/amount';

/**
 * Betal nå: the amount (today's claim by default; less is a part-payment), read in the locale of the page it was
 * typed on ('10 035,00' in nb, '10,035.00' in en), and the form's idempotency key.
 */
export function payNowSchema(locale: MoneyLocale) {
  return z
    .object({
      caseId: z.uuid('cases.errors.reloadForm'),
      amount: z.string('validation.required').transform((typed, ctx) => {
        const amount = parseAmountInput(typed.slice(0, 40), locale);
        if (amount.ok) return amount.ore;
        ctx.addIssue({ code: 'custom', message: amount.messageKey });
        return z.NEVER;
      }),
      idempotencyKey: z.uuid('cases.errors.reloadForm'),
    })
    .transform(({ amount, ...rest }) => ({ ...rest, amountOre: amount }));
}

/** The local provider's page: approve or decline a payment by its reference. */
export const localDecisionSchema = z.object({
  reference: z.string().min(1).max(64),
  decision: z.enum(['approve', 'decline']),
});
