import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { helpSearchEntries } from '@/lib/help/search-entries';
import { foldForSearch, searchHelp } from '@/lib/help/search';
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';

const ENTRIES = [
  { href: '/help/a', title: 'Registrere kreditnota', text: 'Velg Endre sak → Registrer betaling → Kreditering' },
  { href: '/help/b', title: 'Endre språk', text: 'Trykk på pilen ved navnet ditt. Søk opp aktuell sak.' },
  { href: '/help/c', title: 'Finne remitteringsbilag', text: 'Marker ett eller flere remitteringsbilag og trykk Last ned' },
];

function entriesIn(locale: 'nb' | 'en') {
  const fail = (error: Error) => {
    throw error;
  };
  const messages = locale === 'nb' ? nb : en;
  const articles = createTranslator({ locale, messages, namespace: 'helpArticles', onError: fail });
  const help = createTranslator({ locale, messages, namespace: 'help', onError: fail });
  const values = { agency: 'Amili', b: (chunks: string) => chunks, link: (chunks: string) => chunks };
  return helpSearchEntries({ article: (key) => articles.markup(key, values), help: (key) => help.markup(key, values) });
}

describe('folding text for search', () => {
  it('ignores case and accents, and spells ø and æ with plain letters', () => {
    expect(foldForSearch('Søk PÅ Ærlig Café')).toBe('sok pa aerlig cafe');
  });

  it('treats punctuation as a word break', () => {
    expect(foldForSearch('E-post: hjelp@amili.no!')).toBe('e post hjelp amili no');
  });
});

describe('searching the help pages', () => {
  it('returns every page for an empty or blank query', () => {
    expect(searchHelp(ENTRIES, '')).toEqual(ENTRIES);
    expect(searchHelp(ENTRIES, '   ')).toEqual(ENTRIES);
  });

  it('finds a page by a word in its title or text, whatever the case', () => {
    expect(searchHelp(ENTRIES, 'KREDITNOTA').map((entry) => entry.href)).toEqual(['/help/a']);
    expect(searchHelp(ENTRIES, 'kreditering').map((entry) => entry.href)).toEqual(['/help/a']);
  });

  it('needs all the words, and finds them anywhere in the title and text together', () => {
    expect(searchHelp(ENTRIES, 'kreditnota betaling').map((entry) => entry.href)).toEqual(['/help/a']);
    expect(searchHelp(ENTRIES, 'kreditnota pilen')).toEqual([]);
  });

  it('matches without accents both ways: "sok pa" finds "Søk på", "Språk" finds "sprak"', () => {
    expect(searchHelp(ENTRIES, 'sok pa').map((entry) => entry.href)).toEqual(['/help/b']);
    expect(searchHelp([{ href: '/x', title: 'sprak', text: '' }], 'Språk')).toHaveLength(1);
  });

  it('lists pages with every word in the title first', () => {
    const entries = [
      { href: '/help/text', title: 'Annet', text: 'om remitteringsbilag' },
      { href: '/help/title', title: 'Remitteringsbilag', text: '' },
    ];
    expect(searchHelp(entries, 'remitteringsbilag').map((entry) => entry.href)).toEqual(['/help/title', '/help/text']);
  });

  it('finds nothing for a word that is nowhere', () => {
    expect(searchHelp(ENTRIES, 'xyzzy')).toEqual([]);
  });
});

describe('searching the real help texts', () => {
  it('finds the credit note article in Norwegian', () => {
    expect(searchHelp(entriesIn('nb'), 'kreditnota')[0]?.href).toBe('/help/register-credit-note');
  });

  it('finds the credit note article in English, and only it', () => {
    expect(searchHelp(entriesIn('en'), 'credit note').map((entry) => entry.href)).toEqual(['/help/register-credit-note']);
  });

  it('searches in the active language only', () => {
    expect(searchHelp(entriesIn('en'), 'kreditnota')).toEqual([]);
    expect(searchHelp(entriesIn('nb'), 'password')).toEqual([]);
  });

  it('searches the text without its markup, with the agency name filled in', () => {
    const nbEntries = entriesIn('nb');
    expect(searchHelp(nbEntries, 'amili').map((entry) => entry.href)).toContain('/help/answer-tasks');
    expect(searchHelp(nbEntries, 'link')).toEqual([]);
  });

  it('finds the roles page by the role names', () => {
    expect(searchHelp(entriesIn('nb'), 'lese skrive administrator')[0]?.href).toBe('/help/roles');
    expect(searchHelp(entriesIn('en'), 'roles')[0]?.href).toBe('/help/roles');
  });

  it('finds a Norwegian title typed without its letters ø and å', () => {
    expect(searchHelp(entriesIn('nb'), 'sprak for portalen').map((entry) => entry.href)).toEqual(['/help/change-language']);
  });
});
