import { z } from 'zod';
import type { MoneyLocale } from '@/lib/money';
import { parseAmountInput } from '@/lib/payments/amount';

export type ArrangementInput =
  | { caseId: string; kind: 'postponement'; days: number }
  | { caseId: string; kind: 'plan'; months: number }
  | { caseId: string; kind: 'plan'; monthlyOre: number };

const whole = (min: number, max: number, message: string) =>
  z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);

/**
 * Min side → Tid eller nedbetalingsplan: a postponement of some days, or a plan by number of months or by monthly
 * amount (typed in kroner the page's way: '1 500,50' in nb, '1,500.50' in en). The agreement's limits are checked
 * by the mutation, which knows them.
 */
export function arrangementSchema(locale: MoneyLocale) {
  return z
    .object({
      caseId: z.uuid('cases.errors.reloadForm'),
      kind: z.enum(['postponement', 'plan'], 'debtorActions.plan.errors.kindRequired'),
      mode: z.enum(['months', 'amount']).optional(),
      days: z.string().optional(),
      months: z.string().optional(),
      monthly: z.string().optional(),
    })
    .transform((value, ctx): ArrangementInput => {
      const fail = (path: string, message: string) => {
        ctx.addIssue({ code: 'custom', path: [path], message });
        return z.NEVER;
      };
      if (value.kind === 'postponement') {
        const days = whole(1, 365, 'debtorActions.plan.errors.days').safeParse(value.days ?? '');
        return days.success
          ? { caseId: value.caseId, kind: 'postponement' as const, days: days.data }
          : fail('days', 'debtorActions.plan.errors.days');
      }
      if (value.mode === 'amount') {
        const amount = parseAmountInput((value.monthly ?? '').slice(0, 40), locale);
        return amount.ok ? { caseId: value.caseId, kind: 'plan' as const, monthlyOre: amount.ore } : fail('monthly', amount.messageKey);
      }
      const months = whole(1, 120, 'debtorActions.plan.errors.months').safeParse(value.months ?? '');
      return months.success
        ? { caseId: value.caseId, kind: 'plan' as const, months: months.data }
        : fail('months', 'debtorActions.plan.errors.months');
    });
}
