import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/routing';
import { renderSlipPdf } from './pdf';
import { slipPdfWords } from './pdf-words';
import type { SlipWithLines } from './slip-data';
import { fileNamePart } from './zip';

export function slipFileName(slip: SlipWithLines): string {
  return `remitteringsbilag-${fileNamePart(slip.companyName)}-${slip.slipNumber}.pdf`;
}

export function slipAgency() {
  return { name: env().AGENCY_NAME, organisationNumber: env().AGENCY_ORGANISATION_NUMBER };
}

/** One slip as the PDF an accountant files, in `locale`. */
export async function slipPdf(slip: SlipWithLines, locale: Locale): Promise<Buffer> {
  return renderSlipPdf({ slip, agency: slipAgency(), locale, text: slipPdfWords(locale) });
}
