import { describe, expect, it } from 'vitest';
import { settlementEmailSchema } from '@/lib/settlements/email/schemas';

const companyId = '6f1c1d0e-6a7b-4c1e-9d1a-2f3b4c5d6e7f';

describe('the settlement-report address form', () => {
  it('accepts an address (trimmed) or empty (no email), and a language', () => {
    expect(settlementEmailSchema.parse({ companyId, settlementEmail: ' regnskap@firma.no ', settlementEmailLocale: 'en' })).toEqual({
      companyId,
      settlementEmail: 'regnskap@firma.no',
      settlementEmailLocale: 'en',
    });
    expect(settlementEmailSchema.parse({ companyId, settlementEmail: '', settlementEmailLocale: 'nb' }).settlementEmail).toBeNull();
  });

  it('refuses bad addresses, languages and companies with translated message keys', () => {
    const issues = (input: Record<string, string>) =>
      settlementEmailSchema.safeParse(input).error?.issues.map((i) => [i.path[0], i.message]);
    expect(issues({ companyId, settlementEmail: 'ikke-en-adresse', settlementEmailLocale: 'nb' })).toEqual([
      ['settlementEmail', 'validation.email'],
    ]);
    expect(issues({ companyId, settlementEmail: `${'a'.repeat(250)}@x.no`, settlementEmailLocale: 'nb' })).toContainEqual([
      'settlementEmail',
      'validation.tooLong',
    ]);
    expect(issues({ companyId, settlementEmail: 'a@b.no', settlementEmailLocale: 'de' })).toEqual([
      ['settlementEmailLocale', 'validation.invalid'],
    ]);
    expect(issues({ companyId: 'x', settlementEmail: 'a@b.no', settlementEmailLocale: 'nb' })).toEqual([
      ['companyId', 'validation.invalid'],
    ]);
  });
});
