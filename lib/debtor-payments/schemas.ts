import { z } from 'zod';
import { isIsoDate, todayInOslo } from '@/lib/dates';
import { parseAmountInput } from '@/lib/payments/amount';

const paidOn = z
  .string('validation.required')
  .trim()
  .min(1, 'validation.required')
  .refine(isIsoDate, 'payments.errors.dateInvalid')
  .refine((value) => value <= todayInOslo(), 'payments.errors.dateFuture');

/** The desk's "Registrer innbetaling": one payment by KID as the bank statement shows it. */
export const registerDebtorPaymentSchema = z
  .object({
    paidOn,
    kid: z
      .string('validation.required')
      .trim()
      .regex(/^\d{2,25}$/, 'debtorPayments.import.kidInvalid'),
    amount: z.string('validation.required').transform((typed, ctx) => {
      const amount = parseAmountInput(typed.slice(0, 40), 'nb');
      if (amount.ok) return amount.ore;
      ctx.addIssue({ code: 'custom', message: amount.messageKey });
      return z.NEVER;
    }),
    payer: z.string().trim().max(200).optional().default(''),
    bankReference: z
      .string('validation.required')
      .trim()
      .min(1, 'debtorPayments.import.referenceMissing')
      .max(60, 'debtorPayments.import.referenceMissing'),
  })
  .transform(({ amount, ...rest }) => ({ ...rest, amountOre: amount }));

export const assignDebtorPaymentSchema = z.object({
  paymentId: z.uuid('cases.errors.reloadForm'),
  caseNumber: z.coerce
    .number('debtorPayments.errors.caseNotFound')
    .int('debtorPayments.errors.caseNotFound')
    .positive('debtorPayments.errors.caseNotFound'),
});

export const runSettlementSchema = z.object({
  companyId: z.uuid('cases.errors.reloadForm'),
  periodEndOn: paidOn,
});
