import { z } from 'zod';
import { parseAmountInput } from '@/lib/payments/amount';

/** Betal nå: the amount (today's claim by default; less is a part-payment) and the form's idempotency key. */
export const payNowSchema = z
  .object({
    caseId: z.uuid('cases.errors.reloadForm'),
    amount: z.string('validation.required').transform((typed, ctx) => {
      const amount = parseAmountInput(typed.slice(0, 40), 'nb');
      if (amount.ok) return amount.ore;
      ctx.addIssue({ code: 'custom', message: amount.messageKey });
      return z.NEVER;
    }),
    idempotencyKey: z.uuid('cases.errors.reloadForm'),
  })
  .transform(({ amount, ...rest }) => ({ ...rest, amountOre: amount }));

/** The local provider's page: approve or decline a payment by its reference. */
export const localDecisionSchema = z.object({
  reference: z.string().min(1).max(64),
  decision: z.enum(['approve', 'decline']),
});
