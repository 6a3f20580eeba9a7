/** A help page as search sees it: its plain text in the active language. */
export type SearchEntry = { href: string; title: string; text: string };

// Long queries are cut: the search runs on every GET of the help index.
const MAX_QUERY_LENGTH = 200;
const MAX_WORDS = 20;

/**
 * Lower case, accents removed, and ø/æ spelled with plain letters, so "sok pa kreditnota" finds "Søk på
 * kreditnota". Anything that is not a letter or digit becomes a space ("e-post" → "e post"), on both sides.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function queryWords(query: string): string[] {
  return foldForSearch(query.slice(0, MAX_QUERY_LENGTH)).split(' ').filter(Boolean).slice(0, MAX_WORDS);
}

/**
 * The entries whose title or text contains every word of the query (as a part of a word, too);
 * entries with all words in the title come first. An empty query returns every entry.
 */
export function searchHelp<T extends SearchEntry>(entries: readonly T[], query: string): T[] {
  const words = queryWords(query);
  if (words.length === 0) return [...entries];
  const containsAll = (text: string) => words.every((word) => text.includes(word));
  const hits = entries.filter((entry) => containsAll(foldForSearch(`${entry.title} ${entry.text}`)));
  const titleHits = hits.filter((entry) => containsAll(foldForSearch(entry.title)));
  return [...titleHits, ...hits.filter((entry) => !titleHits.includes(entry))];
}
