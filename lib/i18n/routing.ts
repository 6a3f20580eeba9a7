import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['nb', 'en'],
  defaultLocale: 'nb',
  localePrefix: 'always',
  // Norwegian first, whatever the browser says; a signed-in user's stored choice is applied by proxy.ts and sign-in.
  localeDetection: false,
});

export type Locale = (typeof routing.locales)[number];

export function otherLocale(locale: Locale): Locale {
  return locale === 'nb' ? 'en' : 'nb';
}
