import { describe, expect, it } from 'vitest';
import { arrangementSchema } from '@/lib/arrangements/schemas';
import { payNowSchema } from '@/lib/debtor-actions/schemas';
import { formatOreForInput } from '@/lib/money';

const caseId = '7a0c1a52-8a4e-4a4e-9d6b-3c1f2f6b9a10';
const idempotencyKey = 'c3c5f7a2-5a53-4d5e-8a7e-0b6f3e1d2c4b';

// Min side's amounts are typed (or shown, prefilled) the page's way and read back in the page's locale.
describe('Betal nå reads the amount in the page’s locale', () => {
  it.each([
    ['nb', '10 035,00'],
    ['nb', '10035,00'],
    ['en', '10,035.00'],
    ['en', '10035.00'],
    ['nb', formatOreForInput(1_003_500, 'nb')],
    ['en', formatOreForInput(1_003_500, 'en')],
  ] as const)('%s: %j is 10 035 kr', (locale, amount) => {
    expect(payNowSchema(locale).parse({ caseId, idempotencyKey, amount })).toEqual({ caseId, idempotencyKey, amountOre: 1_003_500 });
  });

  it('does not read an English amount as Norwegian, nor the other way round', () => {
    expect(payNowSchema('nb').safeParse({ caseId, idempotencyKey, amount: '10,035.00' }).success).toBe(false);
    expect(payNowSchema('en').safeParse({ caseId, idempotencyKey, amount: '10035,00' }).success).toBe(false);
  });
});

describe('the plan’s monthly amount is read in the page’s locale', () => {
  it.each([
    ['nb', '1 500,50'],
    ['en', '1,500.50'],
  ] as const)('%s: %j is 1 500,50 kr a month', (locale, monthly) => {
    expect(arrangementSchema(locale).parse({ caseId, kind: 'plan', mode: 'amount', monthly })).toEqual({
      caseId,
      kind: 'plan',
      monthlyOre: 150_050,
    });
  });

  it('refuses an English grouped amount on the Norwegian page', () => {
    const parsed = arrangementSchema('nb').safeParse({ caseId, kind: 'plan', mode: 'amount', monthly: '1,500.50' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['monthly']);
  });
});
