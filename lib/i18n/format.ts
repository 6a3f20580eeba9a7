import type { Locale } from './routing';

// Building an Intl formatter costs far more than using one: a list page formats hundreds of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, kind: 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let cached = formatters.get(key);
  if (!cached) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' }
        : locale === 'nb'
          ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Oslo' }
          : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Oslo' };
    cached = new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', options);
    formatters.set(key, cached);
  }
  return cached;
}

/** dd.mm.yyyy in Norwegian, 28 Nov 2026 style in English; date-only strings never shift with the time zone. */
export function formatDate(value: string | Date, locale: Locale): string {
  const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T12:00:00Z`) : value;
  return formatter(locale, 'date').format(date);
}

export function formatDateTime(value: Date, locale: Locale): string {
  return `${formatDate(value, locale)} ${formatter(locale, 'time').format(value)}`;
}
