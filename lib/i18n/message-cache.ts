import type { createTranslator } from 'next-intl';

type IntlCache = NonNullable<Parameters<typeof createTranslator>[0]['_cache']>;

/**
 * One cache of compiled messages for the whole process. next-intl makes a new one per request, so every message
 * with values was parsed again (intl-messageformat) on every request. Its keys are the message text, the locale and
 * the formats, never the values: the catalogue bounds its size. Handed to next-intl as the request config's
 * `_cache`, which its server translators take (next-intl 4.14, pinned; tests/unit/i18n-message-cache.test.ts checks).
 */
export const MESSAGE_CACHE: IntlCache = {
  dateTime: {},
  number: {},
  message: {},
  relativeTime: {},
  pluralRules: {},
  list: {},
  displayNames: {},
};
