import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { debtorPayments } from '@/db/schema';
import { importPaymentsFile, MAX_IMPORT_BYTES } from '@/lib/debtor-payments/import';
import { balanceAndLedger, makeCase } from '@/tests/helpers/case-factories';
import { bankReference, makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeCompany } from '@/tests/helpers/factories';

const today = '2026-12-02';
const bytes = (text: string) => new TextEncoder().encode(text);

async function storedFor(references: string[]) {
  return db.select().from(debtorPayments).where(inArray(debtorPayments.bankReference, references));
}

describe('bank CSV import (date; KID; amount; payer; bank reference)', () => {
  it('imports a clean file: matched lines are allocated, an unknown KID waits in the unmatched list', async () => {
    const company = await makeCompany(db);
    const staff = await makeStaff(db);
    const debtCase = await makeCase(db, { companyId: company.id });
    const [r1, r2] = [bankReference(), bankReference()];
    const file = `dato;kid;belop;betaler;referanse\n01.12.2026;${debtCase.kid};1 000,50;Kari Nordmann;${r1}\n2026-12-01;12345678903;250;Ola;${r2}\n`;
    const outcome = await importPaymentsFile(db, staff, bytes(file), { importValidLines: false, today });
    expect(outcome.status).toBe('imported');
    if (outcome.status !== 'imported') return;
    expect(outcome.results.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'allocated'],
      [3, 'unmatched'],
    ]);
    expect(await balanceAndLedger(db, debtCase.id)).toEqual({ balanceOre: 1_003_500 - 100_050, ledgerOre: 1_003_500 - 100_050 });
    const [unmatched] = await db.select().from(debtorPayments).where(eq(debtorPayments.bankReference, r2));
    expect(unmatched).toMatchObject({ status: 'unmatched', unmatchedReason: 'unknownKid', companyId: null, amountOre: 25_000 });
  });

  it('refuses a file with malformed lines whole, naming each line and reason; nothing imported', async () => {
    const company = await makeCompany(db);
    const staff = await makeStaff(db);
    const debtCase = await makeCase(db, { companyId: company.id });
    const refs = [bankReference(), bankReference(), bankReference(), bankReference(), bankReference()];
    const file = [
      `2026-12-01;${debtCase.kid};100;Kari;${refs[0]}`,
      `2026-12-01;${debtCase.kid};0;Kari;${refs[1]}`,
      `2026-12-01;${debtCase.kid};-5;Kari;${refs[2]}`,
      `2027-01-01;${debtCase.kid};100;Kari;${refs[3]}`,
      `2026-12-01;12AB;100;Kari;${refs[4]}`,
      `2026-13-01;${debtCase.kid};100;Kari;X`,
      `2026-12-01;${debtCase.kid};100`,
      `2026-12-01;${debtCase.kid};12,345;Kari;Y`,
    ].join('\n');
    const outcome = await importPaymentsFile(db, staff, bytes(file), { importValidLines: false, today });
    expect(outcome).toEqual({
      status: 'refused',
      validCount: 1,
      errors: [
        { line: 2, reason: 'debtorPayments.import.amountNotPositive' },
        { line: 3, reason: 'debtorPayments.import.amountNotPositive' },
        { line: 4, reason: 'debtorPayments.import.dateFuture' },
        { line: 5, reason: 'debtorPayments.import.kidInvalid' },
        { line: 6, reason: 'debtorPayments.import.dateInvalid' },
        { line: 7, reason: 'debtorPayments.import.columns' },
        { line: 8, reason: 'debtorPayments.import.amountInvalid' },
      ],
    });
    expect(await storedFor(refs)).toEqual([]);

    const chosen = await importPaymentsFile(db, staff, bytes(file), { importValidLines: true, today });
    expect(chosen.status).toBe('imported');
    expect((await storedFor(refs)).map((row) => row.bankReference)).toEqual([refs[0]]);
    // The same file again: the valid line is not booked a second time.
    const again = await importPaymentsFile(db, staff, bytes(file), { importValidLines: true, today });
    expect(again.status === 'imported' && again.results.map((r) => r.outcome)).toEqual(['duplicate']);
    expect(await balanceAndLedger(db, debtCase.id)).toEqual({ balanceOre: 1_003_500 - 10_000, ledgerOre: 1_003_500 - 10_000 });
  });

  it('refuses a file that is not text', async () => {
    const staff = await makeStaff(db);
    const pdfLike = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x01]);
    expect(await importPaymentsFile(db, staff, pdfLike, { importValidLines: true, today })).toEqual({ status: 'notText' });
  });

  it('refuses an amount above 100 000 000 kr on its line, and a file above the size cap before reading it', async () => {
    const company = await makeCompany(db);
    const staff = await makeStaff(db);
    const debtCase = await makeCase(db, { companyId: company.id });
    const [big, ok] = [bankReference(), bankReference()];
    const file = `2026-12-01;${debtCase.kid};100000000,01;Kari;${big}\n2026-12-01;${debtCase.kid};100;Kari;${ok}\n`;
    expect(await importPaymentsFile(db, staff, bytes(file), { importValidLines: false, today })).toEqual({
      status: 'refused',
      errors: [{ line: 1, reason: 'debtorPayments.import.amountTooLarge' }],
      validCount: 1,
    });
    expect(await storedFor([big, ok])).toEqual([]);

    const line = `2026-12-01;${debtCase.kid};100;Kari;`;
    const huge = Array.from({ length: Math.ceil(MAX_IMPORT_BYTES / line.length) + 1 }, (_, i) => `${line}R${i}`).join('\n');
    expect(await importPaymentsFile(db, staff, bytes(huge), { importValidLines: true, today })).toEqual({ status: 'tooLarge' });
    expect(await storedFor(['R0', 'R1'])).toEqual([]);
  });
});
