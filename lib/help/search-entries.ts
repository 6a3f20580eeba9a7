import { HELP_ARTICLES, ROLES_PATH, articlePath, articlePieces, type ArticleMessageKey } from './articles';
import { ROLES_PAGE_KEYS } from './roles';
import type { SearchEntry } from './search';

/** A message as plain text in the active language: tags dropped, {agency} filled in. */
export type PlainText = {
  article: (key: ArticleMessageKey) => string;
  help: (key: (typeof ROLES_PAGE_KEYS)[number] | 'roles.title') => string;
};

/** Every help page (the articles, then the roles page) as search sees it. */
export function helpSearchEntries(plain: PlainText): SearchEntry[] {
  const articles = HELP_ARTICLES.map((article) => ({
    href: articlePath(article),
    title: plain.article(`${article.key}.title`),
    text: articlePieces(article)
      .map((piece) => plain.article(piece.messageKey))
      .join(' '),
  }));
  const roles = { href: ROLES_PATH, title: plain.help('roles.title'), text: ROLES_PAGE_KEYS.map((key) => plain.help(key)).join(' ') };
  return [...articles, roles];
}
