import 'server-only';
import * as XLSX from 'xlsx';
import { linesNetOre } from '@/lib/settlements/lines';
import type { SlipWithLines } from './slip-data';

// Write-only (the 0.18.5 advisories concern reading files); money as kroner numbers with two decimals.
const MONEY_FORMAT = '#,##0.00';

export type SlipSheetText = { sheet: string; direct: string; columns: string[]; carriedIn: string; carriedOut: string; paidOut: string };

/** One slip as a workbook for bookkeeping: the same lines as the PDF, direct payments marked, and the totals. */
export function buildSlipWorkbook(slip: SlipWithLines, text: SlipSheetText): Buffer {
  const kroner = (ore: number) => ({ t: 'n' as const, v: ore / 100, z: MONEY_FORMAT });
  const rows: unknown[][] = [text.columns];
  for (const line of slip.lines) {
    rows.push([
      line.caseNumber,
      line.invoiceNumber,
      line.customerNumber,
      line.debtorName,
      kroner(line.principalOre),
      kroner(line.interestOre),
      kroner(line.agencyFeeOre),
      kroner(line.vatOre),
      kroner(line.netOre),
      line.isDirectPayment ? text.direct : '',
    ]);
  }
  rows.push([
    '',
    '',
    '',
    '',
    kroner(slip.principalOre),
    kroner(slip.interestOre),
    kroner(slip.agencyFeeOre),
    kroner(slip.vatOre),
    kroner(linesNetOre(slip)),
    '',
  ]);
  // As on the PDF: a negative balance is carried, never paid out (lib/settlements/lines.ts).
  if (slip.carriedInOre !== 0 || slip.carriedOutOre !== 0) {
    if (slip.carriedInOre !== 0) rows.push([text.carriedIn, '', '', '', '', '', '', '', kroner(slip.carriedInOre), '']);
    if (slip.carriedOutOre !== 0) rows.push([text.carriedOut, '', '', '', '', '', '', '', kroner(-slip.carriedOutOre), '']);
    rows.push([text.paidOut, '', '', '', '', '', '', '', kroner(slip.netOre), '']);
  }
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, text.sheet.slice(0, 31));
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
