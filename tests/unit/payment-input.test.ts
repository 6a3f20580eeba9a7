import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDays, todayInOslo } from '@/lib/dates';
import { parseAmountInput } from '@/lib/payments/amount';
import { registerPaymentSchema } from '@/lib/payments/schemas';

describe('parseAmountInput', () => {
  it.each([
    ['1 234,50', 'nb', 123_450],
    ['1\u00A0234,50', 'nb', 123_450],
    ['1234.5', 'nb', 123_450],
    ['12', 'nb', 1_200],
    ['1,234.50', 'en', 123_450],
    ['12,345', 'en', 1_234_500],
    ['0,01', 'nb', 1],
    ['100 000 000', 'nb', 10_000_000_000],
  ] as const)('accepts %s in %s as %i øre', (input, locale, ore) => {
    expect(parseAmountInput(input, locale)).toEqual({ ok: true, ore });
  });

  it.each([
    ['', 'nb', 'validation.required'],
    ['-100', 'nb', 'payments.errors.amountPositive'],
    ['−100', 'nb', 'payments.errors.amountPositive'],
    ['0', 'nb', 'payments.errors.amountPositive'],
    ['0,00', 'nb', 'payments.errors.amountPositive'],
    ['100 000 000,01', 'nb', 'payments.errors.amountTooLarge'],
    ['1,000,000,000', 'en', 'payments.errors.amountTooLarge'],
    ['abc', 'nb', 'payments.errors.amountFormat'],
    ['12kr', 'nb', 'payments.errors.amountFormat'],
    ['12,345', 'nb', 'payments.errors.amountDecimals'],
    ['1,234', 'nb', 'payments.errors.amountDecimals'],
    ['10,005', 'nb', 'payments.errors.amountDecimals'],
    ['1.234', 'en', 'payments.errors.amountDecimals'],
    ['1 234,50', 'en', 'payments.errors.amountFormat'],
  ] as const)('refuses %j in %s with %s', (input, locale, messageKey) => {
    expect(parseAmountInput(input, locale)).toEqual({ ok: false, messageKey });
  });
});

describe('registerPaymentSchema', () => {
  const valid = {
    caseId: randomUUID(),
    idempotencyKey: randomUUID(),
    kind: 'payment',
    invoiceId: randomUUID(),
    paidOn: todayInOslo(),
    currency: 'NOK',
    amount: '1 234,50',
  };

  function fieldErrors(input: Record<string, string>, locale: 'nb' | 'en' = 'nb') {
    const errors: Record<string, string> = {};
    // The first issue per field is the one the form shows (lib/form-state.ts).
    for (const issue of registerPaymentSchema(locale).safeParse(input).error?.issues ?? []) errors[String(issue.path[0])] ??= issue.message;
    return errors;
  }

  it('turns the typed amount into øre and drops the typed text', () => {
    const result = registerPaymentSchema('nb').parse({ ...valid, confirmedAmount: '1 234,50' });
    expect(result).toEqual({
      ...valid,
      amountOre: 123_450,
      confirmedOverpaymentOre: 123_450,
      amount: undefined,
      confirmedAmount: undefined,
    });
    expect(registerPaymentSchema('nb').parse(valid).confirmedOverpaymentOre).toBeNull();
    expect('amount' in result).toBe(false);
  });

  it('accepts an empty invoice (a case without invoices) and reads the amount in English', () => {
    expect(registerPaymentSchema('en').parse({ ...valid, invoiceId: '', amount: '1,234.50' })).toMatchObject({
      invoiceId: undefined,
      amountOre: 123_450,
    });
  });

  it('gives a translated error per bad field, several at once', () => {
    expect(fieldErrors({ ...valid, amount: '-5', paidOn: addDays(todayInOslo(), 1), currency: 'nok' })).toEqual({
      amount: 'payments.errors.amountPositive',
      paidOn: 'payments.errors.dateFuture',
      currency: 'payments.errors.currency',
    });
    expect(fieldErrors({ ...valid, paidOn: '2026-02-30' })).toEqual({ paidOn: 'payments.errors.dateInvalid' });
    expect(fieldErrors({ ...valid, paidOn: '' })).toEqual({ paidOn: 'validation.required' });
    expect(fieldErrors({ ...valid, amount: '12,345' })).toEqual({ amount: 'payments.errors.amountDecimals' });
    expect(fieldErrors({ ...valid, invoiceId: 'x' })).toEqual({ invoiceId: 'payments.errors.invoiceNotFound' });
  });

  it('refuses tampered hidden fields (case id, idempotency key, kind)', () => {
    expect(fieldErrors({ ...valid, caseId: '1 OR 1=1', idempotencyKey: 'again', kind: 'refund' })).toEqual({
      caseId: 'cases.errors.reloadForm',
      idempotencyKey: 'cases.errors.reloadForm',
      kind: 'validation.required',
    });
  });
});
