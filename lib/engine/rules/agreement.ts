import { z } from 'zod';

/**
 * The company agreement's timings for the collection path (days unless named months), with the defaults from
 * domain.md. The desk edits them; a company stores only what differs (companies.collection_agreement).
 */
export type CollectionAgreement = {
  /** Send a reminder (purring) before the notice. */
  reminderEnabled: boolean;
  /** Days after the due date the first letter goes out (≥ 1: never on the due date; a fee needs ≥ 14). */
  firstLetterAfterDueDays: number;
  /** Days the reminder gives the debtor (a second fee needs ≥ 14, overrun: inkassoforskriften § 1-3). */
  reminderDeadlineDays: number;
  /** Days after the reminder the notice goes out (its fee only after the reminder's deadline day). */
  noticeAfterReminderDays: number;
  /** Days the notice gives the debtor (the law: ≥ 14). */
  noticeDeadlineDays: number;
  /** Days after the notice's deadline the demand goes out (≥ 1: only after the deadline has passed). */
  demandAfterNoticeDeadlineDays: number;
  /** Days the demand gives the debtor to pay or object (the law: ≥ 14). */
  demandDeadlineDays: number;
  /** The heavy collection fee applies when the demand's deadline is overrun by more than this (the law: ≥ 28). */
  heavyFeeAfterOverrunDays: number;
  /** Months after the legal step the case moves to surveillance. */
  surveillanceAfterLegalMonths: number;
  /** Business debtors owe the standardkompensasjon instead of reminder and notice fees. */
  standardCompensation: boolean;
  /** Min side: the longest instalment plan, in monthly instalments. */
  longestPlanMonths: number;
  /** Min side: the smallest monthly instalment, in øre. */
  smallestInstalmentOre: number;
  /** Min side: a plan or postponement inside the limits starts at once; otherwise every request asks the creditor. */
  agencyMayApprovePlans: boolean;
  /** Min side: the longest one-time postponement, in days. */
  longestPostponementDays: number;
};

export const DEFAULT_AGREEMENT: CollectionAgreement = {
  reminderEnabled: true,
  firstLetterAfterDueDays: 14,
  reminderDeadlineDays: 14,
  // The day after the reminder's deadline: the deadline day itself is still in time (inkassoloven § 9).
  noticeAfterReminderDays: 15,
  noticeDeadlineDays: 14,
  demandAfterNoticeDeadlineDays: 3,
  demandDeadlineDays: 14,
  heavyFeeAfterOverrunDays: 28,
  surveillanceAfterLegalMonths: 12,
  standardCompensation: true,
  longestPlanMonths: 12,
  smallestInstalmentOre: 50_000,
  agencyMayApprovePlans: true,
  longestPostponementDays: 14,
};

const days = (min: number) => z.coerce.number().int().min(min).max(365);

/** What the desk may set; the legal minimums are in the schema, so no agreement can undercut them. */
export const agreementSchema = z.object({
  reminderEnabled: z.boolean(),
  firstLetterAfterDueDays: days(1),
  reminderDeadlineDays: days(0),
  noticeAfterReminderDays: days(0),
  noticeDeadlineDays: days(14),
  demandAfterNoticeDeadlineDays: days(1),
  demandDeadlineDays: days(14),
  heavyFeeAfterOverrunDays: days(28),
  surveillanceAfterLegalMonths: z.coerce.number().int().min(1).max(120),
  standardCompensation: z.boolean(),
  longestPlanMonths: z.coerce.number().int().min(1).max(60),
  smallestInstalmentOre: z.coerce.number().int().min(0).max(100_000_000),
  agencyMayApprovePlans: z.boolean(),
  longestPostponementDays: days(0),
});

/** The agreement in force: the stored overrides that are valid, on top of the defaults. */
export function agreementFrom(stored: unknown): CollectionAgreement {
  if (!stored || typeof stored !== 'object') return DEFAULT_AGREEMENT;
  const merged: Record<string, unknown> = { ...DEFAULT_AGREEMENT };
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in DEFAULT_AGREEMENT)) continue;
    const field = agreementSchema.shape[key as keyof CollectionAgreement].safeParse(value);
    if (field.success) merged[key] = field.data;
  }
  return merged as CollectionAgreement;
}
