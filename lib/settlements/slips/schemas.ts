import { z } from 'zod';
import { isIsoDate } from '@/lib/dates';

export const MAX_DOWNLOAD_SLIPS = 200;

const optionalDate = z
  .string()
  .optional()
  .transform((value) => (value && isIsoDate(value.trim()) ? value.trim() : undefined));

/** Rapporter's filters from the address bar: Velg dato (from, to) and the company; bad values fall back to none. */
export const slipListParamsSchema = z.object({
  from: optionalDate,
  to: optionalDate,
  company: z
    .string()
    .optional()
    .transform((value) => (value && z.uuid().safeParse(value).success ? value : undefined)),
});
export type SlipListParams = z.output<typeof slipListParamsSchema>;

/** The download: 1 to 200 slip ids, each a uuid. */
export const slipDownloadSchema = z.object({
  ids: z
    .array(z.uuid('reports.errors.badId'))
    .min(1, 'reports.errors.noneSelected')
    .max(MAX_DOWNLOAD_SLIPS, 'reports.errors.tooMany')
    .transform((ids) => [...new Set(ids)]),
});
