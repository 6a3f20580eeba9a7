import { parseKroner, type MoneyLocale } from '@/lib/money';

/** 100 million kroner: far above any invoice a creditor collects by hand, well inside exact integer arithmetic. */
export const MAX_AMOUNT_ORE = 10_000_000_000;

export type AmountResult = { ok: true; ore: number } | { ok: false; messageKey: string };

// Digits and the locale's separators with three or more decimals: '12,345' in nb, '1.234' in en.
const TOO_MANY_DECIMALS: Record<MoneyLocale, RegExp> = {
  nb: /^[\d \u00A0\u202F]*[.,]\d{3,}$/,
  en: /^[\d \u00A0\u202F,]*\.\d{3,}$/,
};

/** A positive amount typed the local way ('1 234,50' in nb, '1,234.50' in en) in øre, or the reason it is not one. */
export function parseAmountInput(input: string, locale: MoneyLocale): AmountResult {
  const text = input.trim();
  if (!text) return { ok: false, messageKey: 'validation.required' };
  if (/^[-−]/.test(text)) return { ok: false, messageKey: 'payments.errors.amountPositive' };
  const ore = parseKroner(text, locale);
  if (ore === null) {
    return {
      ok: false,
      messageKey: TOO_MANY_DECIMALS[locale].test(text) ? 'payments.errors.amountDecimals' : 'payments.errors.amountFormat',
    };
  }
  if (ore <= 0) return { ok: false, messageKey: 'payments.errors.amountPositive' };
  if (ore > MAX_AMOUNT_ORE) return { ok: false, messageKey: 'payments.errors.amountTooLarge' };
  return { ok: true, ore };
}
