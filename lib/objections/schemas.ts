import { z } from 'zod';

export const OBJECTION_REASONS = ['already_paid', 'wrong_amount', 'not_received', 'other'] as const;
export type ObjectionReason = (typeof OBJECTION_REASONS)[number];

/** Min side → Innsigelse: why, and in the debtor's words. */
export const fileObjectionSchema = z.object({
  caseId: z.uuid('cases.errors.reloadForm'),
  reason: z.enum(OBJECTION_REASONS, 'debtorActions.object.errors.reasonRequired'),
  body: z
    .string('debtorActions.object.errors.bodyShort')
    .trim()
    .min(10, 'debtorActions.object.errors.bodyShort')
    .max(4000, 'debtorActions.object.errors.bodyLong'),
});

export type FileObjectionInput = z.infer<typeof fileObjectionSchema>;
