import 'server-only';
import type { Locale } from '@/lib/i18n/routing';
import { renderSlipPdf } from './pdf';
import { slipPdfText } from './pdf-text';
import type { SlipWithLines } from './queries';
import { slipAgency, slipFileName } from './slip-file';
import { fileNamePart, zipStream } from './zip';

export { slipFileName, slipPdf } from './slip-file';

/** remitteringsbilag-<company>-<from>-<to>.zip, over the slips' own dates; "flere" when they span companies. */
export function zipFileName(slips: SlipWithLines[], severalCompanies: string): string {
  const names = new Set(slips.map((s) => s.companyName));
  const company = names.size === 1 ? fileNamePart([...names][0] ?? '') : severalCompanies;
  const dates = slips.map((s) => s.settledOn).sort();
  return `remitteringsbilag-${company}-${dates[0]}-${dates[dates.length - 1]}.zip`;
}

export async function slipsZip(slips: SlipWithLines[], locale: Locale): Promise<ReadableStream<Uint8Array>> {
  const text = await slipPdfText(locale);
  const agency = slipAgency();
  return zipStream(
    slips.map((slip) => ({
      name: slipFileName(slip),
      build: async () => new Uint8Array(await renderSlipPdf({ slip, agency, locale, text })),
    })),
  );
}
