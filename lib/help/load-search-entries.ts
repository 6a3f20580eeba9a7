import 'server-only';
import { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { helpSearchEntries } from './search-entries';

/** The help pages' plain text in the request's language, for the search on the help index. */
export async function loadHelpSearchEntries() {
  const [articles, help] = await Promise.all([getTranslations('helpArticles'), getTranslations('help')]);
  const values = { agency: env().AGENCY_NAME, b: (chunks: string) => chunks, link: (chunks: string) => chunks };
  return helpSearchEntries({
    article: (key) => articles.markup(key, values),
    help: (key) => help.markup(key, values),
  });
}
