import 'server-only';
import { db } from '@/db';
import type { Letter } from '@/db/schema';
import { loadTables } from '@/lib/engine/tables';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/routing';
import { letterWords, type Agency, type LetterWords } from './words';

/** The agency as the letters name it (AGENCY_* in the environment). */
export function agencyOnLetters(): Agency {
  const { AGENCY_NAME, AGENCY_ORGANISATION_NUMBER, AGENCY_EMAIL, AGENCY_PHONE } = env();
  return { name: AGENCY_NAME, organisationNumber: AGENCY_ORGANISATION_NUMBER, email: AGENCY_EMAIL, phone: AGENCY_PHONE };
}

/** The letter's words in `locale` with today's tables (the rate periods): the same for the HTML view and the PDF. */
export async function loadLetterWords(letter: Letter, currency: string, locale: Locale): Promise<LetterWords> {
  const { rates } = await loadTables(db);
  return letterWords(letter, { currency, locale, agency: agencyOnLetters(), rates });
}
