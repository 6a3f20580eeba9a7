import { z } from 'zod';
import { isIsoDate } from '@/lib/dates';
import { parseKroner } from '@/lib/money';

export const RATE_KINDS = ['interest', 'standard_compensation', 'collection_rate'] as const;
export type RateKind = (typeof RATE_KINDS)[number];

// Bounds that catch a typo (12,25 typed as 1225) without judging the law: a rate up to 50 %, an amount up to 10 000 kr.
const MAX_VALUE: Record<RateKind, number> = { interest: 5_000, standard_compensation: 1_000_000, collection_rate: 1_000_000 };

/**
 * Desk → Satser → Legg til: a half-year's forsinkelsesrente (percent) or standardkompensasjon (kroner), or an
 * inkassosats (kroner) from any date, each with its source. The value is typed as on paper (12,25 / 460).
 */
export const addRateSchema = z
  .object({
    kind: z.enum(RATE_KINDS, 'desk.rates.errors.kind'),
    validFrom: z.string('validation.required').trim().min(1, 'validation.required').refine(isIsoDate, 'desk.rates.errors.date'),
    value: z.string('validation.required').trim().min(1, 'validation.required').max(20, 'desk.rates.errors.value'),
    source: z.string('validation.required').trim().min(3, 'desk.rates.errors.source').max(500, 'validation.tooLong'),
  })
  .transform((input, ctx) => {
    // Both units have two decimals: basis points of a percent, øre of a krone.
    const value = parseKroner(input.value, 'nb');
    if (value === null || value <= 0 || value > MAX_VALUE[input.kind]) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: input.kind === 'interest' ? 'desk.rates.errors.percent' : 'desk.rates.errors.amount',
      });
      return z.NEVER;
    }
    if (input.kind !== 'collection_rate' && !/-(01|07)-01$/.test(input.validFrom)) {
      ctx.addIssue({ code: 'custom', path: ['validFrom'], message: 'desk.rates.errors.halfYear' });
      return z.NEVER;
    }
    return { kind: input.kind, validFrom: input.validFrom, value, source: input.source };
  });

export type AddRateInput = z.output<typeof addRateSchema>;
