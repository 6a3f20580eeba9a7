import { z } from 'zod';

export const MESSAGE_MAX = 4_000;

/** A message on a case's thread, from the desk or from a Skrive/Administrator user in Historikk. */
export const postMessageSchema = z.object({
  caseId: z.uuid('cases.errors.reloadForm'),
  body: z.string().trim().min(1, 'validation.required').max(MESSAGE_MAX, 'caseMessages.errors.tooLong'),
});
export type PostMessageInput = z.infer<typeof postMessageSchema>;

/** Desk → a case → a debtor's message → Del med oppdragsgiver. */
export const shareDebtorMessageSchema = z.object({
  caseId: z.uuid('cases.errors.reloadForm'),
  messageId: z.uuid('cases.errors.reloadForm'),
});
