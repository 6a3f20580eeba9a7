import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { db } from '@/db';
import { buildCaseWorkbook, excelDay, exportFileName } from '@/lib/case-list/export';
import { streamCases } from '@/lib/case-list/queries';
import { parseCaseListParams } from '@/lib/case-list/schemas';
import { makeListedCase } from '@/tests/helpers/case-list-fixtures';
import { makeCompany } from '@/tests/helpers/factories';

let mine: Awaited<ReturnType<typeof makeCompany>>;
let other: Awaited<ReturnType<typeof makeCompany>>;
let first: Awaited<ReturnType<typeof makeListedCase>>;
let second: Awaited<ReturnType<typeof makeListedCase>>;

// Reading our own output back is the only place tests read xlsx; the app only writes it.
function readBack(buffer: Buffer) {
  const workbook = XLSX.read(buffer, { type: 'buffer', cellNF: true });
  const name = workbook.SheetNames[0] ?? '';
  const sheet = workbook.Sheets[name];
  if (!sheet) throw new Error('no sheet');
  return { name, sheet, cell: (ref: string) => sheet[ref] as XLSX.CellObject | undefined };
}

async function exportOf(companyIds: string[], query: Record<string, string>, locale: 'nb' | 'en', batchSize = 2) {
  const { params } = parseCaseListParams(query);
  return readBack(await buildCaseWorkbook(streamCases(companyIds, params, batchSize), locale));
}

beforeAll(async () => {
  mine = await makeCompany(db, { name: 'Eksport Test AS' });
  other = await makeCompany(db, { name: 'Andre AS' });
  first = await makeListedCase(db, {
    companyId: mine.id,
    debtorName: 'Bjørn Bjørnstad',
    customerNumber: '20001',
    invoiceNumbers: ['71001', '71002'],
    registeredAt: new Date('2026-03-01T23:30:00Z'),
    originalAmountOre: 123_456_78,
    balanceOre: 100_000_05,
    stage: 'notice',
  });
  second = await makeListedCase(db, {
    companyId: mine.id,
    debtorName: 'Åse Hansen',
    customerNumber: '20002',
    invoiceNumbers: ['71003'],
    registeredAt: new Date('2026-01-10T09:00:00Z'),
    originalAmountOre: 99,
    balanceOre: 0,
    status: 'closed',
    stage: 'closed',
  });
  for (let i = 0; i < 3; i++) await makeListedCase(db, { companyId: mine.id, registeredAt: new Date('2025-06-01T12:00:00Z') });
  await makeListedCase(db, { companyId: other.id, debtorName: 'Bjørn Bjørnstad', invoiceNumbers: ['71001'] });
});

describe('the case export workbook', () => {
  it('has Norwegian headers and one typed row per case, cell by cell', async () => {
    const { name, sheet, cell } = await exportOf([mine.id], {}, 'nb');
    expect(name).toBe('Saker');
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1', 'I1', 'J1', 'K1'].map((ref) => cell(ref)?.v)).toEqual([
      'Selskap',
      'Saksnummer',
      'Fakturanummer',
      'Kundenummer',
      'Skyldner',
      'Registrert',
      'Status',
      'Stadium',
      'Opprinnelig beløp',
      'Utestående',
      'Valuta',
    ]);
    expect(sheet['!ref']).toBe('A1:K6');
    expect(cell('A2')).toMatchObject({ t: 's', v: 'Eksport Test AS' });
    expect(cell('B2')).toMatchObject({ t: 'n', v: first.caseNumber });
    expect(cell('C2')).toMatchObject({ t: 's', v: '71001, 71002' });
    expect(cell('D2')).toMatchObject({ t: 's', v: '20001' });
    expect(cell('E2')).toMatchObject({ t: 's', v: 'Bjørn Bjørnstad' });
    // 23:30 UTC on 1 March is 2 March in Oslo: a real date cell, a whole day number with a date format.
    expect(cell('F2')).toMatchObject({ t: 'n', v: excelDay('2026-03-02'), z: 'dd\\.mm\\.yyyy' });
    expect(XLSX.SSF.format(cell('F2')?.z ?? '', cell('F2')?.v)).toBe('02.03.2026');
    expect(cell('G2')).toMatchObject({ t: 's', v: 'Aktiv' });
    expect(cell('H2')).toMatchObject({ t: 's', v: 'Inkassovarsel' });
    expect(cell('I2')).toMatchObject({ t: 'n', v: 123_456.78, z: '#,##0.00' });
    expect(cell('J2')).toMatchObject({ t: 'n', v: 100_000.05, z: '#,##0.00' });
    expect(cell('K2')).toMatchObject({ t: 's', v: 'NOK' });
    expect(cell('B3')?.v).toBe(second.caseNumber);
    expect(cell('G3')?.v).toBe('Avsluttet');
    expect(cell('I3')).toMatchObject({ t: 'n', v: 0.99 });
    expect(cell('J3')).toMatchObject({ t: 'n', v: 0 });
  });

  it('reads dates back as dates', async () => {
    const { params } = parseCaseListParams({});
    const buffer = await buildCaseWorkbook(streamCases([mine.id], params), 'nb');
    const sheet = XLSX.read(buffer, { type: 'buffer', cellDates: true }).Sheets.Saker;
    const registered = sheet?.F2 as XLSX.CellObject | undefined;
    expect(registered?.t).toBe('d');
    expect(registered?.v).toBeInstanceOf(Date);
  });

  it('has English headers, sheet and status names in English', async () => {
    const { name, cell } = await exportOf([mine.id], {}, 'en');
    expect(name).toBe('Cases');
    expect(['A1', 'B1', 'I1', 'J1'].map((ref) => cell(ref)?.v)).toEqual(['Company', 'Case number', 'Original amount', 'Outstanding']);
    expect(cell('G2')?.v).toBe('Active');
    expect(cell('H2')?.v).toBe('Collection notice');
    expect(cell('F2')).toMatchObject({ t: 'n', v: excelDay('2026-03-02'), z: 'd mmm yyyy' });
  });

  it('exports exactly the filtered list, in the list order, over several batches', async () => {
    const { sheet, cell } = await exportOf([mine.id], { status: 'active', from: '2026-01-01' }, 'nb', 1);
    expect(sheet['!ref']).toBe('A1:K2');
    expect(cell('B2')?.v).toBe(first.caseNumber);
    const all = await exportOf([mine.id], { sort: 'registered-asc' }, 'nb', 2);
    expect(all.sheet['!ref']).toBe('A1:K6');
    expect(all.cell('B5')?.v).toBe(second.caseNumber);
    expect(all.cell('B6')?.v).toBe(first.caseNumber);
  });

  it('never includes another company’s cases', async () => {
    const { sheet } = await exportOf([mine.id], { q: '71001' }, 'nb');
    expect(sheet['!ref']).toBe('A1:K2');
    const { params } = parseCaseListParams({});
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(
      XLSX.read(await buildCaseWorkbook(streamCases([mine.id], params), 'nb'), { type: 'buffer' }).Sheets.Saker ?? {},
    );
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => row.Selskap === 'Eksport Test AS')).toBe(true);
  });

  it('is a header-only sheet when nothing matches', async () => {
    const { sheet } = await exportOf([mine.id], { q: 'finnes ikke' }, 'nb');
    expect(sheet['!ref']).toBe('A1:K1');
    expect((await exportOf([], {}, 'en')).cell('A1')?.v).toBe('Company');
  });

  it('writes a name that looks like a formula as plain text, never as a formula', async () => {
    const company = await makeCompany(db);
    await makeListedCase(db, { companyId: company.id, debtorName: '=HYPERLINK("http://evil.example","x")', invoiceNumbers: ['+1-2'] });
    const { cell } = await exportOf([company.id], {}, 'nb');
    expect(cell('E2')).toMatchObject({ t: 's', v: '=HYPERLINK("http://evil.example","x")' });
    expect(cell('E2')?.f).toBeUndefined();
    expect(cell('C2')).toMatchObject({ t: 's', v: '+1-2' });
  });

  it('names the file by language and the date in Oslo', () => {
    expect(exportFileName('nb', new Date('2026-03-01T23:30:00Z'))).toBe('saker-2026-03-02.xlsx');
    expect(exportFileName('en', new Date('2026-07-01T12:00:00Z'))).toBe('cases-2026-07-01.xlsx');
  });
});
