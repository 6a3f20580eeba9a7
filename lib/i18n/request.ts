import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { MESSAGE_CACHE } from './message-cache';
import { routing } from './routing';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    timeZone: 'Europe/Oslo',
    messages: (await import(`../../messages/${locale}.json`)).default,
    // Compiled messages kept across requests (message-cache.ts); not part of next-intl's public config type.
    ...({ _cache: MESSAGE_CACHE } as object),
  };
});
