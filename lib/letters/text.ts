import type { Letter } from '@/db/schema';

// The letter's words, by kind, from messages/<locale>.json: the HTML view and the PDF print the same text.

export type LetterKindKey = 'reminder' | 'notice' | 'demand' | 'legalNotice' | 'surveillanceNotice';

export function letterKindKey(kind: Letter['kind']): LetterKindKey {
  if (kind === 'legal_notice') return 'legalNotice';
  if (kind === 'surveillance_notice') return 'surveillanceNotice';
  return kind;
}

/** Rate in basis points as a percentage with two decimals in the locale (1250 → "12,50 %"). */
export function formatRate(basisPoints: number, locale: string): string {
  return `${new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(basisPoints / 100)} %`;
}
