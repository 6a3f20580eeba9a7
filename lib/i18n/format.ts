import type { Locale } from './routing';

/** dd.mm.yyyy in Norwegian, 28 Nov 2026 style in English; date-only strings never shift with the time zone. */
export function formatDate(value: string | Date, locale: Locale): string {
  const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T12:00:00Z`) : value;
  const options: Intl.DateTimeFormatOptions =
    locale === 'nb'
      ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Oslo' }
      : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Oslo' };
  return new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', options).format(date);
}

export function formatDateTime(value: Date, locale: Locale): string {
  return `${formatDate(value, locale)} ${new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Oslo',
  }).format(value)}`;
}
