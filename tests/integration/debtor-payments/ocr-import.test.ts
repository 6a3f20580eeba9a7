import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { debtorPayments } from '@/db/schema';
import { importPaymentsFile } from '@/lib/debtor-payments/import';
import { balanceAndLedger, makeCase } from '@/tests/helpers/case-factories';
import { makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeCompany } from '@/tests/helpers/factories';

const today = '2026-12-02';
const pad = (record: string) => record.padEnd(80, '0');

/** A Nets OCR giro transmission with the given payments; the end record's totals may be overridden (a bad file). */
function ocrFile(items: { kid: string; ore: number; date: string; archive: string }[], totals?: { count: number; sum: number }) {
  const records = [pad('NY00001055555555000000100008080'), pad('NY09002000000000040000001099912345678')];
  items.forEach((item, index) => {
    const txn = String(index + 1).padStart(7, '0');
    records.push(`NY091030${txn}${item.date}0100000000 ${String(item.ore).padStart(17, '0')}${item.kid.padStart(25, ' ')}000000`);
    records.push(`NY091031${txn}0000000000${item.archive.padStart(9, '0')}0000000${item.date}${'12345678903'}${'0'.repeat(22)}`);
  });
  const count = totals?.count ?? items.length;
  const sum = totals?.sum ?? items.reduce((total, item) => total + item.ore, 0);
  records.push(
    pad(
      `NY090088${String(count).padStart(8, '0')}${String(items.length * 2 + 2).padStart(8, '0')}${String(sum).padStart(17, '0')}011226011226011226`,
    ),
  );
  records.push(pad('NY000089'));
  for (const record of records) if (record.length !== 80) throw new Error(`record of ${record.length}: ${record}`);
  return new TextEncoder().encode(records.join('\r\n'));
}

describe('Nets OCR giro import', () => {
  it('imports the KID payments of a well-formed file: matched are allocated, unknown KIDs wait as unmatched', async () => {
    const company = await makeCompany(db);
    const staff = await makeStaff(db);
    const debtCase = await makeCase(db, { companyId: company.id });
    const archive = String(Math.floor(Math.random() * 1e8));
    const file = ocrFile([
      { kid: debtCase.kid, ore: 150_075, date: '011226', archive },
      { kid: '12345678903', ore: 20_000, date: '011226', archive: `${archive.slice(0, 7)}9` },
    ]);
    const outcome = await importPaymentsFile(db, staff, file, { importValidLines: false, today });
    expect(outcome.status === 'imported' && outcome.results.map((r) => [r.line, r.outcome])).toEqual([
      [3, 'allocated'],
      [5, 'unmatched'],
    ]);
    expect(await balanceAndLedger(db, debtCase.id)).toEqual({ balanceOre: 1_003_500 - 150_075, ledgerOre: 1_003_500 - 150_075 });
    const stored = await db
      .select()
      .from(debtorPayments)
      .where(inArray(debtorPayments.kid, [debtCase.kid]));
    expect(stored).toMatchObject([{ source: 'ocr', paidOn: '2026-12-01', amountOre: 150_075, status: 'allocated' }]);
  });

  it('refuses a file whose end record does not add up, and a record that is not 80 characters', async () => {
    const staff = await makeStaff(db);
    const company = await makeCompany(db);
    const debtCase = await makeCase(db, { companyId: company.id });
    const wrongSum = ocrFile([{ kid: debtCase.kid, ore: 10_000, date: '011226', archive: '1' }], { count: 1, sum: 99 });
    expect(await importPaymentsFile(db, staff, wrongSum, { importValidLines: false, today })).toEqual({
      status: 'refused',
      validCount: 1,
      errors: [{ line: 5, reason: 'debtorPayments.import.ocrTotals' }],
    });
    const future = ocrFile([{ kid: debtCase.kid, ore: 10_000, date: '010127', archive: '2' }]);
    const refused = await importPaymentsFile(db, staff, future, { importValidLines: false, today });
    expect(refused).toMatchObject({ status: 'refused', errors: [{ line: 3, reason: 'debtorPayments.import.dateFuture' }] });
    const truncated = new TextEncoder().encode(new TextDecoder().decode(wrongSum).replace(/\r\nNY000089.*$/, '\r\nNY000089'));
    const short = await importPaymentsFile(db, staff, truncated, { importValidLines: false, today });
    expect(short.status === 'refused' && short.errors.map((e) => e.reason)).toContain('debtorPayments.import.ocrRecord');
    expect(await balanceAndLedger(db, debtCase.id)).toEqual({ balanceOre: 1_003_500, ledgerOre: 1_003_500 });
  });

  it('refuses a payment above 100 000 000 kr (the 17-digit field holds far more)', async () => {
    const company = await makeCompany(db);
    const staff = await makeStaff(db);
    const debtCase = await makeCase(db, { companyId: company.id });
    const file = ocrFile([{ kid: debtCase.kid, ore: 99_999_999_999_999, date: '011226', archive: '777000001' }]);
    const outcome = await importPaymentsFile(db, staff, file, { importValidLines: true, today });
    expect(outcome).toMatchObject({
      status: 'imported',
      results: [],
      errors: [{ line: 3, reason: 'debtorPayments.import.amountTooLarge' }],
    });
    expect(await balanceAndLedger(db, debtCase.id)).toEqual({ balanceOre: debtCase.balanceOre, ledgerOre: debtCase.balanceOre });
  });
});
