import 'server-only';
import * as XLSX from 'xlsx';
import type { SlipWithLines } from './slip-data';

// Write-only (the 0.18.5 advisories concern reading files); money as kroner numbers with two decimals.
const MONEY_FORMAT = '#,##0.00';

export type SlipSheetText = { sheet: string; direct: string; columns: string[] };

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
  rows.push(['', '', '', '', kroner(slip.principalOre), kroner(slip.interestOre), kroner(slip.agencyFeeOre), kroner(slip.vatOre), kroner(slip.netOre), '']);
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, text.sheet.slice(0, 31));
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
