import 'server-only';
import type { Locale } from '@/lib/i18n/routing';
import type { SlipPdfText } from './pdf';
import { slipPdfWords } from './pdf-words';

/** The PDF's words in the request's locale. */
export async function slipPdfText(locale: Locale): Promise<SlipPdfText> {
  return slipPdfWords(locale);
}
