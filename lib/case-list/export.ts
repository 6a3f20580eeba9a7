import 'server-only';
import type { Readable } from 'node:stream';
import { createTranslator } from 'next-intl';
import { dayNumber as epochDay } from '@/lib/dates';
import type { Locale } from '@/lib/i18n/routing';
import { remembered } from '@/lib/remembered';
import { sheetStream, type SheetCell } from '@/lib/xlsx/stream';
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

function columnFormat(key: (typeof COLUMNS)[number][0], locale: Locale): string | undefined {
  return key === 'registered' ? DATE_FORMAT[locale] : NUMBER_FORMATS[key];
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
 * The cases as an .xlsx workbook, streamed while they arrive batch by batch from the database (keyset pages): the
 * rows are turned into cells here and written in a worker thread (lib/xlsx/stream.ts), so the request thread only
 * reads and forwards. One typed row per case: numbers and kroner as numbers, the registration day as a real date,
 * headers and status/stage names in `locale`. Every text is an inline string cell, never a formula, so
 * "=HYPERLINK(…)" in a debtor's name stays text. Destroying the stream stops the reads.
 */
export function caseWorkbookStream(batches: AsyncIterable<CaseListRow[]>, locale: Locale): Readable {
  const t = translator(locale);
  const columns = COLUMNS.map(([key, width]) => ({ header: t(`columns.${key}`), width, format: columnFormat(key, locale) }));
  return sheetStream({ name: t('sheetName'), columns }, caseCells(batches, t));
}

async function* caseCells(batches: AsyncIterable<CaseListRow[]>, t: ReturnType<typeof translator>): AsyncGenerator<SheetCell[][]> {
  const label = remembered((key: Parameters<typeof t>[0]) => t(key));
  const dayNumber = remembered(excelDay);
  for await (const batch of batches) {
    yield batch.map((row) => [
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
  }
}

/** The whole workbook in memory: for tests and small callers; the route streams caseWorkbookStream instead. */
export async function buildCaseWorkbook(batches: AsyncIterable<CaseListRow[]>, locale: Locale): Promise<Buffer> {
  const chunks: Uint8Array[] = await caseWorkbookStream(batches, locale).toArray();
  return Buffer.concat(chunks);
}
