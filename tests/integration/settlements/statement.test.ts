import { eq } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { StatementBody } from '@/components/settlements/statement-body';
import { db } from '@/db';
import { cases, letters } from '@/db/schema';
import { claimToday } from '@/lib/cases/claim-today';
import { changeCaseStatus } from '@/lib/cases/mutations';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { plusDays } from '@/lib/engine/rules';
import { runEngine } from '@/lib/engine/run';
import { formatOre } from '@/lib/money';
import { runSettlement } from '@/lib/settlements/run';
import { loadCaseStatement } from '@/lib/settlements/statement/data';
import { renderStatementPdf } from '@/lib/settlements/statement/pdf';
import { statementWords } from '@/lib/settlements/statement/words';
import { makeCase, makeCompanyActor } from '@/tests/helpers/case-factories';
import { bankReference, makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';

const AGENCY = { name: 'Testbyrå Inkasso AS', organisationNumber: '123456785' };

async function texts(statement: NonNullable<Awaited<ReturnType<typeof loadCaseStatement>>>, locale: 'nb' | 'en') {
  const words = statementWords(statement, locale, AGENCY);
  const html = renderToStaticMarkup(createElement(StatementBody, { words })).replace(/<[^>]+>/g, ' ');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await renderStatementPdf(words))), { mergePages: true });
  const flat = (value: string) => value.replace(/[\s\u00A0\u202F]+/g, ' ');
  return { html: flat(html), pdf: flat(text) };
}

describe('the statement of inkassoloven § 15 for an ended case', () => {
  it('paid in full by KID and settled: charged by component, paid, kept by the agency, paid out — to the øre', async () => {
    const { company } = await makeCompanyActor(db, 'admin');
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });
    for (let day = 0; day <= 46; day += 1) await runEngine(db, { now: onDay(plusDays('2025-03-01', day)), companyId: company.id });
    expect(await loadCaseStatement(db, company.id, debtCase.id)).toBeNull(); // still running: no statement yet

    const claim = await claimToday(db, company.id, debtCase.id, '2025-04-20');
    const staff = await makeStaff(db);
    await db.transaction((tx) =>
      receiveDebtorPayment(
        tx,
        staff,
        { paidOn: '2025-04-20', kid: debtCase.kid, amountOre: claim.totalOre, payer: 'Ola', bankReference: bankReference() },
        'desk',
      ),
    );
    const [closed] = await db.select({ status: cases.status }).from(cases).where(eq(cases.id, debtCase.id));
    expect(closed?.status).toBe('closed');

    const before = await loadCaseStatement(db, company.id, debtCase.id);
    expect(before).toMatchObject({ unsettledOre: claim.totalOre, settled: { agencyFeeOre: 0, vatOre: 0, paidOutOre: 0 } });
    await db.transaction((tx) => runSettlement(tx, company.id, '2025-04-20'));
    const statement = (await loadCaseStatement(db, company.id, debtCase.id))!;

    const { charged } = statement;
    expect(charged.principalOre).toBe(1_000_000);
    expect(charged.totalOre).toBe(claim.totalOre);
    // Each fee under the kind its letter names; together the fee component.
    const sent = await db.select({ content: letters.content }).from(letters).where(eq(letters.caseId, debtCase.id));
    const kinds = sent.flatMap((letter) => letter.content.newFees.map((fee) => fee.feeKind));
    expect(charged.fees.map((fee) => fee.feeKind).sort()).toEqual([...new Set(kinds)].sort());
    expect(charged.fees).toContainEqual({ feeKind: 'collection_fee_light', amountOre: 56_000 });
    expect(charged.fees.reduce((sum, fee) => sum + fee.amountOre, 0)).toBe(charged.feesOre);
    expect(statement).toMatchObject({
      paid: { toAgencyOre: claim.totalOre, toCreditorOre: 0 },
      creditedOre: 0,
      outstandingOre: 0,
      unsettledOre: 0,
    });
    // A VAT-registered creditor: the agency keeps the fees, charges 25 % VAT on them, pays out principal + interest − VAT.
    const vatOre = Math.round(charged.feesOre * 0.25);
    expect(statement.settled).toEqual({
      agencyFeeOre: charged.feesOre,
      vatOre,
      paidOutOre: charged.principalOre + charged.interestOre - vatOre,
    });

    const nb = await texts(statement, 'nb');
    const en = await texts(statement, 'en');
    for (const text of [nb.html, nb.pdf]) {
      expect(text).toContain('Oppstilling etter inkassoloven § 15');
      expect(text).toContain(`Inkassosalær (lett sats) ${formatOre(56_000, 'nb')}`.replace(/[\u00A0\u202F]/g, ' '));
      expect(text).toContain(`Utbetalt til oppdragsgiver ${formatOre(statement.settled.paidOutOre, 'nb')}`.replace(/[\u00A0\u202F]/g, ' '));
      expect(text).toContain(
        `Beholdt av inkassobyrået (salær og gebyrer) ${formatOre(charged.feesOre, 'nb')}`.replace(/[\u00A0\u202F]/g, ' '),
      );
    }
    for (const text of [en.html, en.pdf]) {
      expect(text).toContain('Statement under section 15 of the Debt Collection Act');
      expect(text).toContain(`Paid out to the creditor ${formatOre(statement.settled.paidOutOre, 'en')}`.replace(/[\u00A0\u202F]/g, ' '));
      expect(text).toContain(`Total charged ${formatOre(claim.totalOre, 'en')}`.replace(/[\u00A0\u202F]/g, ' '));
    }
  });

  it('a withdrawn case shows what was still unpaid and what the creditor was paid directly', async () => {
    const { company, actor } = await makeCompanyActor(db, 'write');
    const debtCase = await makeCase(db, { companyId: company.id, invoiceAmountsOre: [300_000], feeOre: 3_500, interestOre: 1_000 });
    await db.transaction((tx) => changeCaseStatus(tx, actor, { caseId: debtCase.id, action: 'withdraw', expectedStatus: 'active' }));
    const statement = await loadCaseStatement(db, company.id, debtCase.id);
    expect(statement).toMatchObject({
      status: 'withdrawn',
      charged: {
        principalOre: 300_000,
        interestOre: 1_000,
        feesOre: 3_500,
        totalOre: 304_500,
        fees: [{ feeKind: 'other', amountOre: 3_500 }],
      },
      paid: { toAgencyOre: 0, toCreditorOre: 0 },
      outstandingOre: 304_500,
    });
    const { html } = await texts(statement!, 'nb');
    expect(html).toContain(`Ikke betalt da saken ble avsluttet ${formatOre(304_500, 'nb')}`.replace(/[\u00A0\u202F]/g, ' '));
  });

  it('another company’s case has no statement for this company', async () => {
    const { company } = await makeCompanyActor(db, 'admin');
    const { company: other } = await makeCompanyActor(db, 'admin');
    const closed = await makeCase(db, { companyId: other.id, status: 'closed', stage: 'closed' });
    expect(await loadCaseStatement(db, company.id, closed.id)).toBeNull();
    expect(await loadCaseStatement(db, other.id, closed.id)).not.toBeNull();
  });
});
