import { remembered } from '@/lib/remembered';

export type MoneyLocale = 'nb' | 'en';

const INTL_LOCALE: Record<MoneyLocale, string> = { nb: 'nb-NO', en: 'en-GB' };

// Thousands groups may be split by a space, a no-break space (U+00A0) or a narrow no-break space (U+202F):
// Intl output and pasted bank statements use the latter two.
const SPACE_GROUPED = '\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+';
const NB_AMOUNT = new RegExp(`^(\\d+|${SPACE_GROUPED})(?:[.,](\\d{1,2}))?$`);
const EN_AMOUNT = new RegExp(`^(\\d+|${SPACE_GROUPED}|\\d{1,3}(?:,\\d{3})+)(?:\\.(\\d{1,2}))?$`);

/**
 * Parses an amount in kroner as typed by a user into integer øre, or `null` when it is not a plain amount.
 * In `nb` a comma or a dot is the decimal separator; in `en` a comma groups thousands and only a dot is decimal,
 * so `1,234` is 123400 øre in `en` and `null` in `nb` (three decimals). Signs are refused: callers check > 0.
 */
export function parseKroner(input: string, locale: MoneyLocale = 'nb'): number | null {
  const match = (locale === 'en' ? EN_AMOUNT : NB_AMOUNT).exec(input.trim());
  if (!match) return null;
  const kroner = (match[1] ?? '').replace(/[^0-9]/g, '');
  const ore = (match[2] ?? '').padEnd(2, '0');
  // A string of digits converts exactly up to 2^53, and anything larger lands on >= 2^53, which is not safe.
  const total = Number(kroner + ore);
  return Number.isSafeInteger(total) ? total : null;
}

type NumberSymbols = { integer: Intl.NumberFormat; decimal: string; minus: string };

const symbolsCache = new Map<MoneyLocale, NumberSymbols>();

function numberSymbols(locale: MoneyLocale): NumberSymbols {
  const cached = symbolsCache.get(locale);
  if (cached) return cached;
  const tag = INTL_LOCALE[locale];
  const parts = new Intl.NumberFormat(tag, { minimumFractionDigits: 1 }).formatToParts(-1.5);
  const symbols: NumberSymbols = {
    integer: new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }),
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? ',',
    minus: parts.find((part) => part.type === 'minusSign')?.value ?? '-',
  };
  symbolsCache.set(locale, symbols);
  return symbols;
}

// Built once per locale and currency: a formatter costs far more to make than to use (a case page shows dozens).
const currencyLabelOf = remembered((key: `${MoneyLocale}:${string}`): string => {
  const [locale, currency] = key.split(':') as [MoneyLocale, string];
  // nb shows the local symbol (`kr`); en shows the ISO code so English readers never mistake kr for another krone.
  const parts = new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'currency',
    currency,
    currencyDisplay: locale === 'en' ? 'code' : 'symbol',
  }).formatToParts(0);
  return parts.find((part) => part.type === 'currency')?.value ?? currency;
});

function currencyLabel(locale: MoneyLocale, currency: string): string {
  return currencyLabelOf(`${locale}:${currency}`);
}

/** Formats øre without a currency (`1 234,50` / `1,234.50`), e.g. as an input's default value. */
export function formatOreNumber(ore: number, locale: MoneyLocale): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`Not a whole number of øre: ${ore}`);
  const { integer, decimal, minus } = numberSymbols(locale);
  // Split kroner and øre with integer math (the remainder is exact and kroner is divisible by 100), so even
  // amounts near 2^53 øre print exactly; Intl only contributes the grouping and the characters.
  const absolute = Math.abs(ore);
  const orePart = absolute % 100;
  const kroner = (absolute - orePart) / 100;
  const sign = ore < 0 ? minus : '';
  return `${sign}${integer.format(kroner)}${decimal}${String(orePart).padStart(2, '0')}`;
}

/**
 * Formats øre for an input the user may edit and post back (`10035,00` in nb, `10035.00` in en): no grouping, so
 * what is shown is exactly what `parseKroner` reads in the same locale, and nothing a user must delete by hand.
 */
export function formatOreForInput(ore: number, locale: MoneyLocale): string {
  if (!Number.isSafeInteger(ore) || ore < 0) throw new RangeError(`Not a whole, non-negative number of øre: ${ore}`);
  const orePart = ore % 100;
  return `${(ore - orePart) / 100}${locale === 'en' ? '.' : ','}${String(orePart).padStart(2, '0')}`;
}

/**
 * Formats øre as money: `kr 1 234,50` (nb) and `NOK 1,234.50` (en), with a no-break space after the currency and
 * the sign first (`−kr 5,00`, `-NOK 5.00`). The currency goes first in both locales whatever the ICU version
 * (newer nb-NO data puts `kr` last), so server and browser render the same text.
 */
export function formatOre(ore: number, locale: MoneyLocale, currency = 'NOK'): string {
  const number = formatOreNumber(Math.abs(ore), locale);
  const sign = ore < 0 ? numberSymbols(locale).minus : '';
  return `${sign}${currencyLabel(locale, currency)}\u00A0${number}`;
}
