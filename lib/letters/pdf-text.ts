import 'server-only';
import { db } from '@/db';
import type { Letter } from '@/db/schema';
import { loadTables } from '@/lib/engine/tables';
import { formatLetterCode, letterAccessCode } from '@/lib/auth/letter-code';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/routing';
import { letterWords, type Agency, type LetterWords } from './words';

/** The agency as the letters name it (AGENCY_* in the environment). */
export function agencyOnLetters(): Agency {
  const { AGENCY_NAME, AGENCY_ORGANISATION_NUMBER, AGENCY_EMAIL, AGENCY_PHONE } = env();
  return { name: AGENCY_NAME, organisationNumber: AGENCY_ORGANISATION_NUMBER, email: AGENCY_EMAIL, phone: AGENCY_PHONE };
}

const MASKED_CODE = '••••-••••-••••';

/**
 * The letter's words in `locale` with today's tables (the rate periods): the same for the HTML view and the PDF.
 * `debtor`: the debtor's own copy (Min side) prints the sign-in code; the creditor's and the desk's copies mask it,
 * so that nobody but the debtor holds a key to Min side.
 */
export async function loadLetterWords(
  letter: Letter,
  currency: string,
  locale: Locale,
  copy: 'debtor' | 'agency' = 'agency',
): Promise<LetterWords> {
  const { rates } = await loadTables(db);
  const access = {
    url: `${env().PORTAL_URL}/${locale}/min-side`,
    code: copy === 'debtor' ? formatLetterCode(letterAccessCode(letter.id)) : MASKED_CODE,
  };
  return letterWords(letter, { currency, locale, agency: agencyOnLetters(), rates, access });
}
