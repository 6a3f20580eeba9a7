import 'server-only';
import ExcelJS from 'exceljs';
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { createTranslator } from 'next-intl';
import { dayNumber as epochDay } from '@/lib/dates';
import type { Locale } from '@/lib/i18n/routing';
import { remembered } from '@/lib/remembered';
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';
import type { CaseListRow } from './queries';

const MONEY_FORMAT = '#,##0.00';
// The dots are escaped: unescaped, '.' is a decimal point to some readers (SheetJS's own formatter among them).
const DATE_FORMAT: Record<Locale, string> = { nb: 'dd\\.mm\\.yyyy', en: 'd mmm yyyy' };
const COLUMNS = [
  ['company', 28],
  ['caseNumber', 12],
  ['invoiceNumbers', 16],
  ['customerNumber', 14],
  ['debtor', 30],
  ['registered', 12],
  ['status', 11],
  ['stage', 20],
  ['originalAmount', 16],
  ['outstanding', 16],
  ['currency', 8],
] as const;

const NUMBER_FORMATS: Partial<Record<(typeof COLUMNS)[number][0], string>> = {
  caseNumber: '0',
  originalAmount: MONEY_FORMAT,
  outstanding: MONEY_FORMAT,
};

function columnStyles(locale: Locale): Partial<ExcelJS.Style>[] {
  return COLUMNS.map(([key]) => {
    const numFmt = key === 'registered' ? DATE_FORMAT[locale] : NUMBER_FORMATS[key];
    return Object.freeze(numFmt ? { numFmt } : {});
  });
}

/** Excel's day number for a calendar day (days since 1899-12-30; 1970-01-01 is day 25 569), exact in any time zone. */
export function excelDay(isoDay: string): number {
  return epochDay(isoDay) + 25_569;
}

/** Kroner for a spreadsheet cell: the one place øre are divided, because Excel sums and formats kroner. */
function kroner(ore: number): number {
  return ore / 100;
}

function translator(locale: Locale) {
  return createTranslator({ locale, messages: locale === 'nb' ? nb : en, namespace: 'caseList' });
}

/** The download's name, e.g. saker-2026-03-01.xlsx, dated in Oslo. */
export function exportFileName(locale: Locale, now = new Date()): string {
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(now);
  return `${translator(locale)('fileName')}-${day}.xlsx`;
}

/**
 * Writes the cases as an .xlsx workbook into `output` while they arrive, batch by batch from the database (keyset
 * pages), with exceljs's streaming writer: each row is committed (serialised into the zip stream) as soon as it is
 * added, so memory holds a batch or two, not the sheet. One typed row per case: numbers and kroner as numbers, the
 * registration day as a real date, headers and status/stage names in `locale`. Every text is written as an inline
 * string cell (never a formula: exceljs makes formulas only from { formula } values), so "=HYPERLINK(…)" in a
 * debtor's name stays text. Waits for `output` to drain between batches, so a slow download slows the reads.
 */
export async function writeCaseWorkbook(batches: AsyncIterable<CaseListRow[]>, locale: Locale, output: Writable): Promise<void> {
  const t = translator(locale);
  // zlib level 1: the writer alone, 100 000 rows, 2.0 → 1.6 s CPU for a file 18 % larger (4.9 → 5.8 MB).
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  });
  const sheet = workbook.addWorksheet(t('sheetName'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map(([key, width]) => ({ key, width }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  sheet.addRow(COLUMNS.map(([key]) => t(`columns.${key}`))).commit();
  const label = remembered((key: Parameters<typeof t>[0]) => t(key));
  // One style object per column, shared by all its cells: exceljs looks a style object up by identity, where a new
  // object per cell (what cell.numFmt = … makes) is rendered to XML to find its id, most of the export's time.
  const styles = columnStyles(locale);
  const dayNumber = remembered(excelDay);
  for await (const batch of batches) {
    for (const row of batch) {
      const added = sheet.addRow([
        row.companyName,
        row.caseNumber,
        row.invoiceNumbers,
        row.customerNumber,
        row.debtorName,
        dayNumber(row.registeredOn),
        label(`status.${row.status}`),
        label(`stage.${row.stage}`),
        kroner(row.originalAmountOre),
        kroner(row.balanceOre),
        row.currency,
      ]);
      styles.forEach((style, index) => (added.getCell(index + 1).style = style));
      added.commit();
    }
    if (output.writableNeedDrain) await once(output, 'drain');
  }
  sheet.commit();
  await workbook.commit();
}

/** The whole workbook in memory: for tests and small callers; the route streams writeCaseWorkbook instead. */
export async function buildCaseWorkbook(batches: AsyncIterable<CaseListRow[]>, locale: Locale): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(output, 'end');
  await writeCaseWorkbook(batches, locale, output);
  await ended;
  return Buffer.concat(chunks);
}
