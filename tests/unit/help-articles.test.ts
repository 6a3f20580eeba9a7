import { existsSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { HELP_ARTICLES, ROLES_PATH, articlePath, articlePieces, findArticle } from '@/lib/help/articles';
import { ROLE_ROWS, ROLES_PAGE_KEYS } from '@/lib/help/roles';
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';

const LOCALES = { nb, en } as const;
const PORTAL = path.join('app', '[locale]', '(portal)');

/** True when the portal has a page at this locale-less path (a static folder, or a help article slug). */
function routeExists(href: string) {
  const slug = href.match(/^\/help\/([^/]+)$/)?.[1];
  if (slug && findArticle(slug)) return existsSync(path.join(PORTAL, 'help', '[slug]', 'page.tsx'));
  return existsSync(path.join(PORTAL, ...href.split('/').filter(Boolean), 'page.tsx'));
}

function articleMessages(locale: keyof typeof LOCALES, key: string): Record<string, string> {
  return (LOCALES[locale].helpArticles as Record<string, Record<string, string>>)[key] ?? {};
}

describe('the help articles', () => {
  it('are the 17 articles of the help centre, with unique English kebab-case slugs and keys', () => {
    expect(HELP_ARTICLES).toHaveLength(17);
    const slugs = HELP_ARTICLES.map((article) => article.slug);
    expect(new Set(slugs).size).toBe(17);
    expect(new Set(HELP_ARTICLES.map((article) => article.key)).size).toBe(17);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slugs).not.toContain('roles');
    expect(Object.keys(nb.helpArticles).sort()).toEqual(HELP_ARTICLES.map((article) => article.key).sort());
  });

  it.each(Object.keys(LOCALES) as (keyof typeof LOCALES)[])('have exactly their title, paragraphs and numbered steps in %s', (locale) => {
    for (const article of HELP_ARTICLES) {
      const expected = ['title', ...articlePieces(article).map((piece) => piece.messageKey.split('.')[1])];
      expect(Object.keys(articleMessages(locale, article.key)).sort(), article.slug).toEqual(expected.sort());
    }
  });

  it.each(Object.keys(LOCALES) as (keyof typeof LOCALES)[])(
    'wrap the place a step names in <link> exactly where it has a target, in %s',
    (locale) => {
      for (const article of HELP_ARTICLES) {
        for (const piece of articlePieces(article)) {
          const text = articleMessages(locale, article.key)[piece.messageKey.split('.')[1] ?? ''] ?? '';
          expect(/<link>[^<]+<\/link>/.test(text), `${locale} ${piece.messageKey}`).toBe(piece.href !== null);
        }
      }
    },
  );

  it('link every step to a page that exists in the portal', () => {
    const targets = HELP_ARTICLES.flatMap((article) => articlePieces(article).flatMap((piece) => (piece.href ? [piece.href] : [])));
    expect(targets.length).toBeGreaterThan(20);
    for (const href of new Set(targets)) expect(routeExists(href), href).toBe(true);
  });

  it('relate only to other existing articles, and the roles page exists', () => {
    for (const article of HELP_ARTICLES) {
      for (const slug of article.related) {
        expect(slug).not.toBe(article.slug);
        expect(routeExists(articlePath({ slug })), `${article.slug} → ${slug}`).toBe(true);
      }
    }
    expect(routeExists(ROLES_PATH)).toBe(true);
    expect(existsSync(path.join(PORTAL, 'help', 'page.tsx'))).toBe(true);
  });

  it('link to the roles page from every article that says who may do it', () => {
    const mentionsRoles = HELP_ARTICLES.filter((article) =>
      Object.values(articleMessages('nb', article.key)).some((text) => /Administrator|Skrive-tilgang/.test(text)),
    );
    for (const article of mentionsRoles) expect(article.linksToRoles, article.slug).toBe(true);
  });

  it.each(Object.keys(LOCALES) as (keyof typeof LOCALES)[])(
    'render as ICU rich text with the agency name from configuration, in %s',
    (locale) => {
      const t = createTranslator({
        locale,
        messages: LOCALES[locale],
        namespace: 'helpArticles',
        onError: (error) => {
          throw error;
        },
      });
      const values = { agency: 'Inkasso AS', b: (chunks: string) => `[${chunks}]`, link: (chunks: string) => `(${chunks})` };
      const all = HELP_ARTICLES.flatMap((article) => [
        t.markup(`${article.key}.title`, values),
        ...articlePieces(article).map((piece) => t.markup(piece.messageKey, values)),
      ]).join('\n');
      expect(all).toContain('Inkasso AS');
      expect(all).not.toMatch(/Amili|[<>{}]/);
    },
  );

  it('use the corrected labels of the UI contract', () => {
    const text = JSON.stringify(nb.helpArticles);
    expect(text).toContain('<b>Gjenoppta sak</b>');
    expect(text).not.toContain('Gjennopta');
    expect(text).not.toContain('Selskaper →');
    expect(JSON.stringify(en.helpArticles)).toContain('<b>Resume case</b>');
  });
});

describe('the roles page', () => {
  it('names the three roles in both languages and says a role is held per company', () => {
    expect(ROLE_ROWS.map((row) => nb.help.roles[row.nameKey.split('.')[1] as 'read'])).toEqual(['Lese', 'Skrive', 'Administrator']);
    expect(ROLE_ROWS.map((row) => en.help.roles[row.nameKey.split('.')[1] as 'read'])).toEqual(['Read', 'Write', 'Administrator']);
    expect(nb.help.roles.perCompany).toContain('per selskap');
    expect(en.help.roles.perCompany).toContain('per company');
    for (const key of ROLES_PAGE_KEYS) expect(nb.help.roles).toHaveProperty(key.split('.')[1] ?? '');
  });
});
