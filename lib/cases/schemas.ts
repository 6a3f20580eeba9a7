import { z } from 'zod';
import { CASE_STATUSES, STATUS_ACTIONS } from './status-rules';

export const WITHDRAW_REASON_MAX = 500;

/** Behandle → Pause sak / Gjenoppta sak / Trekk sak, from the server-rendered confirmation step. */
export const changeCaseStatusSchema = z
  .object({
    caseId: z.uuid('cases.errors.reloadForm'),
    action: z.enum(STATUS_ACTIONS, 'cases.errors.reloadForm'),
    // The status the user saw; if it changed meanwhile the change is refused, not applied on top.
    expectedStatus: z.enum(CASE_STATUSES, 'cases.errors.reloadForm'),
    reason: z.string().trim().max(WITHDRAW_REASON_MAX, 'validation.tooLong').optional(),
  })
  .superRefine((value, ctx) => {
    if (value.action === 'withdraw' && !value.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'validation.required' });
    }
  });

export type ChangeCaseStatusInput = z.infer<typeof changeCaseStatusSchema>;
