import type { Letter } from '@/db/schema';
import type { Locale } from '@/lib/i18n/routing';
import { loadLetterWords } from '@/lib/letters/pdf-text';
import { LetterBody } from './letter-body';

/**
 * The letter as the engine sent it: who sends it and how to reach them, creditor, debtor, what the claim is,
 * principal and additional claims separately, each interest rate with its period, the consequences, the right to
 * object (and to nemndsbehandling on a demand); the same words as its PDF.
 */
export async function LetterDocument({
  letter,
  currency,
  locale,
  copy = 'agency',
}: {
  letter: Letter;
  currency: string;
  locale: Locale;
  copy?: 'debtor' | 'agency';
}) {
  return <LetterBody words={await loadLetterWords(letter, currency, locale, copy)} />;
}
