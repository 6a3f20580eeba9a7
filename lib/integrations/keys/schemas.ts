import { z } from 'zod';

/** Integrasjoner → Ny API-nøkkel. */
export const createApiKeySchema = z.object({
  companyId: z.uuid('validation.invalid'),
  name: z.string('validation.required').trim().min(1, 'validation.required').max(60, 'validation.tooLong'),
});

export const revokeApiKeySchema = z.object({ companyId: z.uuid('validation.invalid'), apiKeyId: z.uuid('validation.invalid') });

/** The AutoCollect switch: a checkbox posts 'on' or nothing. */
export const autocollectSchema = z
  .object({ companyId: z.uuid('validation.invalid'), autocollect: z.literal('on').optional() })
  .transform((v) => ({ companyId: v.companyId, enabled: v.autocollect === 'on' }));
