import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { caseCollection } from '@/db/schema';
import { claimToday } from '@/lib/cases/claim-today';
import { paymentInfoFor } from '@/lib/cases/payment-info';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { runEngine } from '@/lib/engine/run';
import { bankReference, makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';
import { makeCompany } from '@/tests/helpers/factories';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { DeskCaseSummary } from '@/components/desk/desk-case-summary';
import { getDeskCase, getDeskCaseClaim } from '@/lib/desk/queries';
import { formatOre } from '@/lib/money';

const DAY = 86_400_000;

describe('today’s claim on the case page (Utestående)', () => {
  it('adds the interest accrued to today, and paying 100 kr lowers it by exactly 100 kr', async () => {
    const company = await makeCompany(db);
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2026-01-05', principalOre: 1_000_000 });
    await runEngine(db, { now: onDay('2026-01-19'), companyId: company.id });
    const [state] = await db.select().from(caseCollection).where(eq(caseCollection.caseId, debtCase.id));
    expect(state?.interestBookedToOn).toBeTruthy();

    const today = '2026-02-18';
    const before = await claimToday(db, company.id, debtCase.id, today);
    // Reference from domain.md §3: 10 000 kr × 12.00 % × days / 365, the days since the booking (to within the
    // half øre the booking carried).
    const days = (Date.parse(today) - Date.parse(state!.interestBookedToOn!)) / DAY;
    expect(days).toBeGreaterThan(20);
    expect(Math.abs(before.accruedInterestOre - (1_000_000 * 0.12 * days) / 365)).toBeLessThanOrEqual(1);
    expect(before.totalOre).toBe(before.bookedOre + before.accruedInterestOre);
    // Betalingsinformasjon asks for the same amount.
    expect(
      paymentInfoFor(
        { status: 'active', kid: debtCase.kid, outstandingOre: before.totalOre, latestLetterDueOn: null, pausedDaysSinceLetter: 0 },
        '86011117947',
        today,
      )?.amountOre,
    ).toBe(before.totalOre);

    const staff = await makeStaff(db);
    await db.transaction((tx) =>
      receiveDebtorPayment(
        tx,
        staff,
        { paidOn: today, kid: debtCase.kid, amountOre: 10_000, payer: 'Ola', bankReference: bankReference() },
        'desk',
      ),
    );
    const after = await claimToday(db, company.id, debtCase.id, today);
    expect(after.totalOre).toBe(before.totalOre - 10_000);
    // The interest is now booked (by the payment) rather than computed.
    expect(after.accruedInterestOre).toBe(0);
  });

  it('a case the engine has not started, or a closed one, is the ledger’s balance; a missing rate is said, not guessed', async () => {
    const company = await makeCompany(db);
    const fresh = await makeOverdueCase(db, { companyId: company.id, dueOn: '2026-01-05', principalOre: 500_000 });
    expect(await claimToday(db, company.id, fresh.id, '2026-01-10')).toEqual({
      bookedOre: 500_000,
      accruedInterestOre: 0,
      totalOre: 500_000,
      rateMissingFrom: null,
    });

    const later = await makeOverdueCase(db, { companyId: company.id, dueOn: '2026-06-01', principalOre: 500_000 });
    await runEngine(db, { now: onDay('2026-06-15'), companyId: company.id });
    // This file's database has no rate for 2H 2026: the accrual stops short and says from when.
    const claim = await claimToday(db, company.id, later.id, '2026-08-01');
    expect(claim).toMatchObject({ accruedInterestOre: 0, rateMissingFrom: '2026-07-01' });
  });
});

describe('the desk’s case page', () => {
  it('shows today’s claim, the creditor’s Utestående, not the booked balance', async () => {
    const company = await makeCompany(db);
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2026-01-05', principalOre: 1_000_000 });
    await runEngine(db, { now: onDay('2026-01-19'), companyId: company.id });
    const today = '2026-02-18';
    const creditors = await claimToday(db, company.id, debtCase.id, today);
    expect(creditors.accruedInterestOre).toBeGreaterThan(0);

    const found = await getDeskCase(debtCase.id);
    const claim = await getDeskCaseClaim(found!, today);
    expect(claim).toEqual(creditors);
    const text = {
      company: 'Selskap',
      status: 'Status',
      outstandingToday: 'Utestående i dag',
      accruedInterest: 'Renter påløpt',
      rateMissing: null,
      registered: 'Registrert',
    };
    const html = renderToStaticMarkup(
      createElement(DeskCaseSummary, {
        companyName: found!.companyName,
        statusLabel: 'Aktiv',
        currency: 'NOK',
        registeredAt: found!.registeredAt,
        claim,
        text,
        locale: 'nb',
      }),
    ).replace(/<[^>]+>/g, ' ');
    expect(html).toContain(formatOre(creditors.totalOre, 'nb'));
    expect(html).not.toContain(formatOre(found!.balanceOre, 'nb'));
    expect(html).toContain(formatOre(creditors.accruedInterestOre, 'nb'));
  });
});
