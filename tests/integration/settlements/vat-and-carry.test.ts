import { asc, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { outbox, remittanceLines, remittanceSlips } from '@/db/schema';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { formatDate } from '@/lib/i18n/format';
import { formatOreNumber } from '@/lib/money';
import { runSettlement } from '@/lib/settlements/run';
import { renderSlipPdf } from '@/lib/settlements/slips/pdf';
import { slipPdfWords } from '@/lib/settlements/slips/pdf-words';
import { loadSlips } from '@/lib/settlements/slips/slip-data';
import { makeCase, makeCompanyActor } from '@/tests/helpers/case-factories';
import { bankReference, makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { GET as getSettlements } from '@/app/api/v1/settlements/route';
import { callApi, makeApiCompany } from '@/tests/helpers/api-fixtures';

async function pay(kid: string, amountOre: number, paidOn: string) {
  const staff = await makeStaff(db);
  await db.transaction((tx) =>
    receiveDebtorPayment(tx, staff, { paidOn, kid, amountOre, payer: 'Kari', bankReference: bankReference() }, 'desk'),
  );
}

async function slipsOf(companyId: string) {
  return db.select().from(remittanceSlips).where(eq(remittanceSlips.companyId, companyId)).orderBy(asc(remittanceSlips.periodEndOn));
}

async function pdfTextOf(companyId: string, slipId: string, locale: 'nb' | 'en') {
  const [slip] = await loadSlips(db, [companyId], [slipId]);
  const pdf = await renderSlipPdf({
    slip: slip!,
    agency: { name: 'Amili', organisationNumber: '123456785' },
    locale,
    text: slipPdfWords(locale),
  });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text;
}

describe('the settlement for a creditor that is not VAT-registered (domain.md §5)', () => {
  it('5 000 kr claim, salær 560 + 140 paid by the debtor: fee 560, VAT 140 from the debtor, the creditor gets principal + interest in full', async () => {
    const { company } = await makeCompanyActor(db, 'admin', { vatRegistered: false });
    const debtCase = await makeCase(db, {
      companyId: company.id,
      stage: 'demand',
      invoiceAmountsOre: [500_000],
      feeOre: 70_000,
      interestOre: 4_321,
    });
    await pay(debtCase.kid, 574_321, '2026-11-02');
    expect((await db.transaction((tx) => runSettlement(tx, company.id, '2026-11-02'))).outcome).toBe('created');
    const [slip] = await slipsOf(company.id);
    const [line] = await db.select().from(remittanceLines).where(eq(remittanceLines.slipId, slip!.id));
    expect(line).toMatchObject({ principalOre: 500_000, interestOre: 4_321, agencyFeeOre: 56_000, vatOre: 14_000, netOre: 504_321 });
    expect(slip).toMatchObject({
      grossOre: 574_321,
      agencyFeeOre: 56_000,
      vatOre: 14_000,
      netOre: 504_321,
      carriedInOre: 0,
      carriedOutOre: 0,
    });
  });

  it('a VAT-registered creditor with the same 560 kr fee is charged 140 kr VAT on it (the difference the fix is about)', async () => {
    const { company } = await makeCompanyActor(db, 'admin', { vatRegistered: true });
    const debtCase = await makeCase(db, {
      companyId: company.id,
      stage: 'demand',
      invoiceAmountsOre: [500_000],
      feeOre: 56_000,
      interestOre: 0,
    });
    await pay(debtCase.kid, 556_000, '2026-11-02');
    await db.transaction((tx) => runSettlement(tx, company.id, '2026-11-02'));
    const [slip] = await slipsOf(company.id);
    expect(slip).toMatchObject({ agencyFeeOre: 56_000, vatOre: 14_000, netOre: 486_000 });
  });
});

describe('a part-payment that covers only fees', () => {
  it('pays nothing out, is not mailed as a payout, and carries the difference to the next slip', async () => {
    const { company } = await makeCompanyActor(db, 'admin', { vatRegistered: true, settlementEmail: 'regnskap@firma.no' });
    // Demand stage: the collection fee is covered first (lib/allocation/order.ts).
    const debtCase = await makeCase(db, {
      companyId: company.id,
      stage: 'demand',
      invoiceAmountsOre: [1_000_000],
      feeOre: 56_000,
      interestOre: 0,
    });
    await pay(debtCase.kid, 20_000, '2026-11-02'); // fee 200 kr: VAT 50 kr, nothing for the creditor
    const first = await db.transaction((tx) => runSettlement(tx, company.id, '2026-11-02'));
    expect(first).toMatchObject({ outcome: 'created', outboxId: null });
    const [slip1] = await slipsOf(company.id);
    expect(slip1).toMatchObject({ agencyFeeOre: 20_000, vatOre: 5_000, netOre: 0, carriedInOre: 0, carriedOutOre: -5_000 });
    expect(await db.select().from(outbox).where(eq(outbox.companyId, company.id))).toHaveLength(0);

    await pay(debtCase.kid, 100_000, '2026-11-09'); // fee 360 kr (VAT 90 kr), principal 640 kr
    const second = await db.transaction((tx) => runSettlement(tx, company.id, '2026-11-09'));
    expect(second.outcome).toBe('created');
    const [, slip2] = await slipsOf(company.id);
    // 640 − 90 on this slip, less the 50 carried: 500 kr paid out; over both slips 640 − 140 = 500 kr.
    expect(slip2).toMatchObject({ vatOre: 9_000, carriedInOre: -5_000, carriedOutOre: 0, netOre: 50_000 });
    const mails = await db.select().from(outbox).where(eq(outbox.companyId, company.id));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.bodyText).toContain(formatOreNumber(50_000, 'nb'));

    const firstPdf = await pdfTextOf(company.id, slip1!.id, 'nb');
    expect(firstPdf).toContain(`Til gode for byrået, trekkes i neste oppgjør ${formatOreNumber(5_000, 'nb')}`);
    expect(firstPdf).toContain(`Utbetalt ${formatOreNumber(0, 'nb')}`);
    const secondPdf = await pdfTextOf(company.id, slip2!.id, 'en');
    expect(secondPdf).toContain('Carried from the previous settlement');
    expect(secondPdf).toContain(`Paid out ${formatOreNumber(50_000, 'en')}`);
    // The slip's date is written as the report email and every other page write it (lib/i18n/format.ts).
    expect(firstPdf).toContain(`Oppgjørsdato: ${formatDate(slip1!.settledOn, 'nb')}`);
    expect(secondPdf).toContain(`Settlement date: ${formatDate(slip2!.settledOn, 'en')}`);
    expect(mails[0]?.bodyText).toContain(formatDate(slip2!.settledOn, 'nb'));
  });
});

describe('GET /api/v1/settlements', () => {
  it('shows what a slip carried: the accounting system can post a slip that paid nothing out and the one that made up for it', async () => {
    const { key, company } = await makeApiCompany(db);
    const debtCase = await makeCase(db, {
      companyId: company.id,
      stage: 'demand',
      invoiceAmountsOre: [1_000_000],
      feeOre: 56_000,
      interestOre: 0,
    });
    await pay(debtCase.kid, 20_000, '2026-11-02');
    await db.transaction((tx) => runSettlement(tx, company.id, '2026-11-02'));
    await pay(debtCase.kid, 100_000, '2026-11-09');
    await db.transaction((tx) => runSettlement(tx, company.id, '2026-11-09'));
    const answer = await callApi(getSettlements, { path: '/api/v1/settlements?since=2026-11-01', key });
    expect(answer.status).toBe(200);
    expect(answer.body?.data).toMatchObject([
      { settledOn: '2026-11-02', netOre: 0, carriedInOre: 0, carriedOutOre: -5_000 },
      { settledOn: '2026-11-09', netOre: 50_000, carriedInOre: -5_000, carriedOutOre: 0 },
    ]);
  });
});
