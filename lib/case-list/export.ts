import 'server-only';
import { createTranslator } from 'next-intl';
import zlib from 'node:zlib';
import * as XLSX from 'xlsx';
import type { Locale } from '@/lib/i18n/routing';
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';
import type { CaseListRow } from './queries';

// We only WRITE xlsx here (the 0.18.5 advisories concern reading). SheetJS deflates in plain JS unless handed
// zlib, which gives a file three times larger in the same time. Its zlib probe reads the deprecated `bytesRead`
// (a warning in every server log), so it gets `bytesWritten`, the same count under its current name.
class InflateRaw extends zlib.InflateRaw {
  get bytesRead(): number {
    return this.bytesWritten;
  }
}
XLSX.CFB.utils.use_zlib({ InflateRaw, deflateRawSync: zlib.deflateRawSync });

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

type Cell = XLSX.CellObject;

/** Excel's day number for a calendar day (days since 1899-12-30), exact and independent of the time zone. */
export function excelDay(isoDay: string): number {
  const [year, month, day] = isoDay.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / 86_400_000 + 25_569;
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

/** What a sheet row keeps until it is written: the row's own values, no cell objects. */
type CompactRow = readonly [caseNumber: number, invoiceNumbers: string, customerNumber: string, debtor: string, day: number,
  originalKroner: number, outstandingKroner: number, company: Cell, status: Cell, stage: Cell, currency: Cell];

/**
 * A dense worksheet (an array of rows of cells) whose rows are made from compact values when the writer asks for
 * them, one row at a time. SheetJS writes a dense sheet row by row through `sheet[r][c]`, so the cell objects of
 * only one row are alive (the export parses back cell by cell in tests/integration/case-list/export.test.ts).
 */
function lazyDenseSheet(header: Cell[], rows: readonly CompactRow[], dateFormat: string): XLSX.WorkSheet {
  let at = -1;
  let cells: Cell[] | undefined;
  const build = ([caseNumber, invoices, customer, debtor, day, original, outstanding, company, status, stage, currency]: CompactRow): Cell[] => [
    company,
    { t: 'n', v: caseNumber, z: '0' },
    { t: 's', v: invoices },
    { t: 's', v: customer },
    { t: 's', v: debtor },
    { t: 'n', v: day, z: dateFormat },
    status,
    stage,
    { t: 'n', v: original, z: MONEY_FORMAT },
    { t: 'n', v: outstanding, z: MONEY_FORMAT },
    currency,
  ];
  const sheet = new Proxy<Cell[][]>([], {
    get(target, key, receiver) {
      if (typeof key !== 'string' || !/^\d+$/.test(key)) return Reflect.get(target, key, receiver);
      const index = Number(key);
      if (index !== at) {
        const row = rows[index - 1];
        cells = index === 0 ? header : row ? build(row) : undefined;
        at = index;
      }
      return cells;
    },
  });
  return sheet as unknown as XLSX.WorkSheet;
}

/**
 * The cases as an .xlsx workbook with one typed row per case: numbers and kroner as numbers, the registration day
 * as a real date, headers and status/stage names in `locale`. Rows arrive batch by batch, so the database rows of
 * only one batch are alive next to the compact rows collected so far.
 */
export async function buildCaseWorkbook(batches: AsyncIterable<CaseListRow[]>, locale: Locale): Promise<Buffer> {
  const t = translator(locale);
  // Cells that repeat on most rows (company, status, stage, currency) are shared: the writer only reads them.
  const sharedCells = new Map<string, Cell>();
  const shared = (key: string, label: () => string): Cell => {
    let cell = sharedCells.get(key);
    if (!cell) sharedCells.set(key, (cell = { t: 's', v: label() }));
    return cell;
  };
  const rows: CompactRow[] = [];
  for await (const batch of batches) {
    for (const row of batch) {
      rows.push([
        row.caseNumber,
        row.invoiceNumbers,
        row.customerNumber,
        row.debtorName,
        excelDay(row.registeredOn),
        kroner(row.originalAmountOre),
        kroner(row.balanceOre),
        shared(`company:${row.companyName}`, () => row.companyName),
        shared(`status:${row.status}`, () => t(`status.${row.status}`)),
        shared(`stage:${row.stage}`, () => t(`stage.${row.stage}`)),
        shared(`currency:${row.currency}`, () => row.currency),
      ]);
    }
  }
  const header: Cell[] = COLUMNS.map(([key]) => ({ t: 's', v: t(`columns.${key}`) }));
  const worksheet = lazyDenseSheet(header, rows, DATE_FORMAT[locale]);
  const range = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length, c: COLUMNS.length - 1 } });
  worksheet['!ref'] = range;
  worksheet['!cols'] = COLUMNS.map(([, width]) => ({ wch: width }));
  worksheet['!autofilter'] = { ref: range };
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, worksheet, t('sheetName'));
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
