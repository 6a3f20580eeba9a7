import { z } from 'zod';
import { normaliseNorwegianMobile } from './phone';

/** The consent text's version: what the debtor agreed to is recorded by this name (messages: minSide.consent.terms). */
export const CONSENT_TERMS_VERSION = 'electronic-letters-2026-12';

/** Min side → Innstillinger → Brev i Min side: the channel for the notice and its address. */
export const grantConsentSchema = z
  .object({
    channel: z.enum(['email', 'sms'], 'debtorActions.consent.errors.channel'),
    address: z.string('validation.required').trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
    agree: z.literal('on', 'debtorActions.consent.errors.agree'),
  })
  .transform((value, ctx) => {
    if (value.channel === 'email') {
      if (z.email().safeParse(value.address).success) return { channel: value.channel, address: value.address.toLowerCase() };
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'debtorActions.consent.errors.email' });
      return z.NEVER;
    }
    const phone = normaliseNorwegianMobile(value.address);
    if (phone) return { channel: value.channel, address: phone };
    ctx.addIssue({ code: 'custom', path: ['address'], message: 'debtorActions.consent.errors.phone' });
    return z.NEVER;
  });

export type GrantConsentInput = z.infer<typeof grantConsentSchema>;
