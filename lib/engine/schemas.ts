import { z } from 'zod';
import { parseKroner } from '@/lib/money';

export const DESK_INTENTS = ['dispute', 'resolveDispute', 'confirmLegal', 'run'] as const;
export const CREDITOR_INTENTS = ['dispute', 'resolveDispute'] as const;
export const DISPUTE_REASON_MAX = 1_000;

const reason = z.string().trim().max(DISPUTE_REASON_MAX, 'validation.tooLong').default('');

export const deskCollectionSchema = z.object({ caseId: z.uuid(), intent: z.enum(DESK_INTENTS), reason });
export const creditorCollectionSchema = z.object({ caseId: z.uuid(), intent: z.enum(CREDITOR_INTENTS), reason });

/** 100 million kroner, the portal's bound on an amount. */
const MAX_NOT_OWED_ORE = 10_000_000_000;

/**
 * Avgjør innsigelsen: for the debtor wholly, or partly with the amount the debtor does not owe (typed the page's
 * way), whether the debtor had reasonable grounds (then the collection costs fall away) and why.
 */
export const decideDisputeSchema = z
  .object({
    caseId: z.uuid(),
    locale: z.enum(['nb', 'en']).catch('nb'),
    outcome: z.enum(['debtor', 'partly'], 'validation.required'),
    notOwed: z.string().trim().max(40, 'validation.tooLong').default(''),
    costsWaived: z
      .literal('on')
      .optional()
      .transform((value) => value === 'on'),
    reason: z.string().trim().min(1, 'engine.errors.decisionReasonRequired').max(DISPUTE_REASON_MAX, 'validation.tooLong'),
  })
  .transform((input, ctx) => {
    if (input.outcome === 'debtor') return { ...input, notOwedOre: undefined };
    const ore = parseKroner(input.notOwed, input.locale);
    if (ore === null || ore <= 0 || ore > MAX_NOT_OWED_ORE) {
      ctx.addIssue({
        code: 'custom',
        path: ['notOwed'],
        message: input.notOwed ? 'engine.errors.notOwedOutOfRange' : 'validation.required',
      });
      return z.NEVER;
    }
    return { ...input, notOwedOre: ore };
  });
export const DECIDE_DISPUTE_FIELDS = ['outcome', 'notOwed', 'costsWaived', 'reason'] as const;

const days = (min: number, message = 'validation.invalid') =>
  z.coerce.number({ error: 'validation.invalid' }).int('validation.invalid').min(min, message).max(365, 'validation.invalid');

/** The desk's agreement form: the number fields as typed, the two switches as checkboxes (absent = off). */
export const agreementFormSchema = z.object({
  companyId: z.uuid(),
  reminderEnabled: z
    .literal('on')
    .optional()
    .transform((value) => value === 'on'),
  firstLetterAfterDueDays: days(1, 'engine.errors.afterDueDate'),
  reminderDeadlineDays: days(0),
  noticeAfterReminderDays: days(0),
  noticeDeadlineDays: days(14, 'engine.errors.legalMinimum'),
  demandAfterNoticeDeadlineDays: days(1),
  demandDeadlineDays: days(14, 'engine.errors.legalMinimum'),
  heavyFeeAfterOverrunDays: days(28, 'engine.errors.heavyMinimum'),
  surveillanceAfterLegalMonths: z.coerce
    .number({ error: 'validation.invalid' })
    .int('validation.invalid')
    .min(1, 'validation.invalid')
    .max(120, 'validation.invalid'),
  standardCompensation: z
    .literal('on')
    .optional()
    .transform((value) => value === 'on'),
  vatRegistered: z
    .literal('on')
    .optional()
    .transform((value) => value === 'on'),
  // Min side's time and plans (issue #21): the limits inside which the agency starts a plan without asking.
  longestPlanMonths: z.coerce
    .number({ error: 'validation.invalid' })
    .int('validation.invalid')
    .min(1, 'validation.invalid')
    .max(60, 'validation.invalid'),
  longestPostponementDays: days(0),
  smallestInstalment: z.string('validation.required').transform((typed, ctx) => {
    const ore = parseKroner(typed.trim().slice(0, 40), 'nb');
    if (ore !== null && ore >= 0) return ore;
    ctx.addIssue({ code: 'custom', message: 'validation.invalid' });
    return z.NEVER;
  }),
  agencyMayApprovePlans: z
    .literal('on')
    .optional()
    .transform((value) => value === 'on'),
});

export const AGREEMENT_NUMBER_FIELDS = [
  'firstLetterAfterDueDays',
  'reminderDeadlineDays',
  'noticeAfterReminderDays',
  'noticeDeadlineDays',
  'demandAfterNoticeDeadlineDays',
  'demandDeadlineDays',
  'heavyFeeAfterOverrunDays',
  'surveillanceAfterLegalMonths',
  'longestPlanMonths',
  'longestPostponementDays',
] as const;
