import { z } from 'zod';

export const DESK_INTENTS = ['dispute', 'resolveDispute', 'confirmLegal', 'run'] as const;
export const CREDITOR_INTENTS = ['dispute', 'resolveDispute'] as const;
export const DISPUTE_REASON_MAX = 1_000;

const reason = z.string().trim().max(DISPUTE_REASON_MAX, 'validation.tooLong').default('');

export const deskCollectionSchema = z.object({ caseId: z.uuid(), intent: z.enum(DESK_INTENTS), reason });
export const creditorCollectionSchema = z.object({ caseId: z.uuid(), intent: z.enum(CREDITOR_INTENTS), reason });

export type CollectionIntent = (typeof DESK_INTENTS)[number];
