import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { countCases, listCases } from '@/lib/case-list/queries';
import { parseCaseListParams } from '@/lib/case-list/schemas';
import { makeListedCase } from '@/tests/helpers/case-list-fixtures';
import { makeCompany } from '@/tests/helpers/factories';

let mine: string;
let other: string;
let bjornstad: Awaited<ReturnType<typeof makeListedCase>>;
let aase: Awaited<ReturnType<typeof makeListedCase>>;
let laerum: Awaited<ReturnType<typeof makeListedCase>>;
let twoInvoices: Awaited<ReturnType<typeof makeListedCase>>;
let theirs: Awaited<ReturnType<typeof makeListedCase>>;

async function search(q: string, companyIds = [mine]) {
  const { params } = parseCaseListParams({ q });
  const page = await listCases(companyIds, params);
  return { numbers: page.rows.map((row) => row.caseNumber).sort(), rows: page.rows, total: await countCases(companyIds, params) };
}

beforeAll(async () => {
  mine = (await makeCompany(db)).id;
  other = (await makeCompany(db)).id;
  bjornstad = await makeListedCase(db, {
    companyId: mine,
    debtorName: 'Bjørn Bjørnstad',
    customerNumber: '10042',
    invoiceNumbers: ['31001'],
  });
  aase = await makeListedCase(db, { companyId: mine, debtorName: 'Åse Hansen', customerNumber: '10043', invoiceNumbers: ['INV-2025-7'] });
  laerum = await makeListedCase(db, { companyId: mine, debtorName: 'Mette Lærum', customerNumber: '10044' });
  twoInvoices = await makeListedCase(db, { companyId: mine, debtorName: 'Ola Nordmann', invoiceNumbers: ['31002', '31003'] });
  // Another creditor with the same names and numbers: never part of my results.
  theirs = await makeListedCase(db, {
    companyId: other,
    debtorName: 'Bjørn Bjørnstad',
    customerNumber: '10042',
    invoiceNumbers: ['31001'],
  });
});

describe('searching the case list', () => {
  it('finds a case by its case number, exactly', async () => {
    const found = await search(String(bjornstad.caseNumber));
    expect(found.numbers).toEqual([bjornstad.caseNumber]);
    expect(found.total).toBe(1);
    expect((await search(String(bjornstad.caseNumber).slice(0, -1))).numbers).not.toContain(bjornstad.caseNumber);
  });

  it('finds a case by any of its invoice numbers, exactly, and lists them all', async () => {
    expect((await search('31003')).numbers).toEqual([twoInvoices.caseNumber]);
    expect((await search('INV-2025-7')).numbers).toEqual([aase.caseNumber]);
    expect((await search('INV-2025')).numbers).toEqual([]);
    const [row] = (await search('31002')).rows;
    expect(row?.invoiceNumbers).toBe('31002, 31003');
  });

  it('finds a case by the debtor customer number', async () => {
    expect((await search('10043')).numbers).toEqual([aase.caseNumber]);
  });

  it('finds debtors by part of the name, ignoring case and accents (ø → o, æ → ae, å → a)', async () => {
    expect((await search('bjornstad')).numbers).toEqual([bjornstad.caseNumber]);
    expect((await search('BJØRNST')).numbers).toEqual([bjornstad.caseNumber]);
    expect((await search('ase h')).numbers).toEqual([aase.caseNumber]);
    expect((await search('Åse')).numbers).toEqual([aase.caseNumber]);
    expect((await search('laerum')).numbers).toEqual([laerum.caseNumber]);
    expect((await search('Lærum')).numbers).toEqual([laerum.caseNumber]);
  });

  it('lists a case once when it matches in several ways', async () => {
    const both = await makeListedCase(db, {
      companyId: mine,
      debtorName: 'Kari 55501',
      customerNumber: '55501',
      invoiceNumbers: ['55501'],
    });
    const found = await search('55501');
    expect(found.numbers).toEqual([both.caseNumber]);
    expect(found.total).toBe(1);
  });

  it('treats LIKE wildcards in the query as plain text', async () => {
    expect((await search('%%%')).numbers).toEqual([]);
    expect((await search('___')).numbers).toEqual([]);
  });

  it('needs three letters before it searches names, so short queries stay fast', async () => {
    expect((await search('bj')).numbers).toEqual([]);
  });

  it('never returns another company’s case, whichever field matches', async () => {
    for (const q of ['Bjørnstad', '10042', '31001', String(theirs.caseNumber)]) {
      const found = await search(q);
      expect(found.rows.every((row) => row.companyId === mine)).toBe(true);
      expect(found.numbers).not.toContain(theirs.caseNumber);
    }
    expect((await search(String(theirs.caseNumber))).total).toBe(0);
    expect((await search('Bjørnstad', [mine, other])).numbers).toEqual([bjornstad.caseNumber, theirs.caseNumber].sort());
  });

  it('shows nothing for a user without companies', async () => {
    expect((await search('Bjørnstad', [])).total).toBe(0);
  });
});
