import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { columnName, escapeXml } from '@/lib/xlsx/sheet-writer.mjs';
import { sheetStream, type Sheet, type SheetCell } from '@/lib/xlsx/stream';
import { waitFor } from '@/tests/helpers/wait';

const SHEET: Sheet = {
  name: 'Saker & «andre»',
  columns: [
    { header: 'Tekst', width: 30 },
    { header: 'Nummer', width: 12, format: '0' },
    { header: 'Dato', width: 12, format: 'dd\\.mm\\.yyyy' },
    { header: 'Beløp', width: 16, format: '#,##0.00' },
  ],
};

// Texts a writer of its own gets wrong: markup, entities, quotes, control characters XML cannot carry, a CR that
// parsers turn into LF, Excel's own _xHHHH_ escape written literally, edge spaces, a formula, non-BMP characters.
const AWKWARD = [
  '<b>Bjørn & Co</b> "sitat" \'enkel\'',
  'a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg',
  'linje 1\r\nlinje 2\ttab',
  '_x0041_ og _x005F_ og _x12_',
  '  mellomrom rundt  ',
  '=HYPERLINK("http://evil.example","x")',
  'Åse 😀 ∑',
  '',
];

// exceljs reads the _xHHHH_ escapes of ECMA-376 (what Excel writes for these, and SheetJS reads back) as they stand.
const EXCELJS_READS: Record<string, string> = {
  'a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg': 'a_x0000_b_x0001_c_x0008_d_x000B_e_x000C_f_x001F_g',
  'linje 1\r\nlinje 2\ttab': 'linje 1_x000D_\nlinje 2\ttab',
  '_x0041_ og _x005F_ og _x12_': '_x005F_x0041_ og _x005F_x005F_ og _x12_',
};

async function* batchesOf(rows: SheetCell[][], size: number) {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

async function written(rows: SheetCell[][], size = 3): Promise<Buffer> {
  return Buffer.concat(await sheetStream(SHEET, batchesOf(rows, size)).toArray());
}

// Excel's day number of 2 March 2026 (days since 1899-12-30).
const MARCH_2 = Date.UTC(2026, 2, 2) / 86_400_000 + 25_569;

const ROWS: SheetCell[][] = [
  ...AWKWARD.map((text, index): SheetCell[] => [text, 1_000 + index, MARCH_2, 1_234.5]),
  ['tom rad', null, null, null],
  ['negativ', -7, 25_569, -0.01],
];

describe('the one-sheet xlsx writer (worker thread)', () => {
  it('reads back in exceljs with every text, number, date and format as written', async () => {
    const workbook = new ExcelJS.Workbook();
    // exceljs's types name an older Node's Buffer; the bytes are the same.
    await workbook.xlsx.load((await written(ROWS)) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Saker & «andre»');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Tekst', 'Nummer', 'Dato', 'Beløp']);
    AWKWARD.forEach((text, index) => {
      const row = sheet?.getRow(index + 2);
      expect(row?.getCell(1).value ?? '').toBe(EXCELJS_READS[text] ?? text);
      expect(row?.getCell(2).value).toBe(1_000 + index);
      expect(row?.getCell(2).numFmt).toBe('0');
      // exceljs drops a format's escaping backslashes when it reads (its own files too); SheetJS below shows them.
      expect(row?.getCell(3).numFmt).toBe('dd.mm.yyyy');
      expect(row?.getCell(4).value).toBe(1_234.5);
      expect(row?.getCell(4).numFmt).toBe('#,##0.00');
    });
    // exceljs gives a date-formatted number back as a Date.
    expect(sheet?.getRow(2).getCell(3).value).toEqual(new Date('2026-03-02T00:00:00Z'));
    const empty = sheet?.getRow(AWKWARD.length + 2);
    expect(empty?.getCell(2).value).toBeNull();
    expect(sheet?.getRow(AWKWARD.length + 3).getCell(4).value).toBe(-0.01);
    expect(sheet?.rowCount).toBe(ROWS.length + 1);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getColumn(1).width).toBe(30);
    expect(sheet?.getColumn(4).width).toBe(16);
  });

  it('reads back in SheetJS as text cells (never formulas) and typed numbers', async () => {
    const workbook = XLSX.read(await written(ROWS), { type: 'buffer', cellNF: true });
    const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''] ?? {};
    AWKWARD.forEach((text, index) => {
      const cell = sheet[`A${index + 2}`] as XLSX.CellObject;
      expect(cell.t).toBe('s');
      expect(cell.v).toBe(text);
      expect(cell.f).toBeUndefined();
    });
    expect(sheet.B3).toMatchObject({ t: 'n', v: 1_001, z: '0' });
    expect(sheet.C3).toMatchObject({ t: 'n', v: MARCH_2, z: 'dd\\.mm\\.yyyy' });
    expect(sheet.D3).toMatchObject({ t: 'n', v: 1_234.5, z: '#,##0.00' });
    expect(sheet['!autofilter']).toEqual({ ref: 'A1:D1' });
  });

  it('writes one row per cell array over any number of batches, header only when there are none', async () => {
    const many: SheetCell[][] = Array.from({ length: 2_500 }, (_, index) => [`rad ${index}`, index, null, index / 100]);
    const sheet = XLSX.read(await written(many, 700), { type: 'buffer' }).Sheets[SHEET.name] ?? {};
    expect(sheet['!ref']).toBe('A1:D2501');
    expect(sheet.A2501?.v).toBe('rad 2499');
    const none = XLSX.read(await written([]), { type: 'buffer' }).Sheets[SHEET.name] ?? {};
    expect(none['!ref']).toBe('A1:D1');
  });

  it('fails the stream, not ends it, when the rows fail half-way', async () => {
    async function* failing() {
      yield [['første', 1, null, null]] as SheetCell[][];
      throw new Error('the database went away');
    }
    await expect(sheetStream(SHEET, failing()).toArray()).rejects.toThrow('the database went away');
  });

  it('fails the stream when the worker cannot write a row', async () => {
    const bad = [[{ not: 'a cell' } as unknown as SheetCell]];
    await expect(sheetStream(SHEET, batchesOf(bad, 1)).toArray()).rejects.toThrow();
  });

  it('ends the worker and stops asking for rows when the reader goes away', async () => {
    let stopped = false;
    async function* endless() {
      try {
        for (let batch = 0; ; batch++) {
          yield Array.from({ length: 100 }, (_, index): SheetCell[] => [`rad ${batch}.${index}`, index, null, null]);
        }
      } finally {
        stopped = true;
      }
    }
    const stream = sheetStream(SHEET, endless());
    const closed = new Promise((resolve) => stream.once('close', resolve));
    for await (const chunk of stream) {
      expect(chunk.length).toBeGreaterThan(0);
      break; // the reader leaves after its first bytes: for-await destroys the stream
    }
    await closed; // 'close' comes once the worker has exited
    await waitFor(() => stopped, { what: 'the rows to stop' });
    expect(stream.destroyed).toBe(true);
  });

  it('stops asking for rows while nobody reads what it wrote', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        // Random text hardly compresses: ~300 KB of zip per batch, so the 1 MB output buffer fills in a few.
        yield Array.from({ length: 100 }, (): SheetCell[] => [randomBytes(3_000).toString('base64'), 1, null, null]);
      }
    }
    const stream = sheetStream(SHEET, endless());
    await waitFor(() => stream.readableLength >= 1 << 20, { what: 'the output buffer to fill' });
    // Without flow control the reads would run far ahead of the writer; with it, two unwritten batches at most.
    expect(pulled).toBeLessThanOrEqual(8);
    stream.destroy();
  });
});

describe('XML text escaping', () => {
  it('escapes markup and quotes, writes control characters and literal _xHHHH_ as Excel does', () => {
    expect(escapeXml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u001fc\rd\u000b')).toBe('a_x0000_b_x001F_c_x000D_d_x000B_');
    expect(escapeXml('tab\tand\nline')).toBe('tab\tand\nline');
    expect(escapeXml('_x0041_ _xZZZZ_')).toBe('_x005F_x0041_ _xZZZZ_');
  });

  it('names columns as Excel does', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
