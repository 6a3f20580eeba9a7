import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { events, ledgerEntries, messages } from '@/db/schema';
import { eventTypesFor } from '@/lib/cases/history-activities';
import { changeCaseStatus } from '@/lib/cases/mutations';
import { getCaseDetail, listCaseHistory } from '@/lib/cases/queries';
import { makeCase, makeCompanyActor } from '@/tests/helpers/case-factories';

describe('case page queries', () => {
  it("shows another company's case to nobody: its detail and history are empty for that company", async () => {
    const { company } = await makeCompanyActor(db, 'read');
    const debtCase = await makeCase(db, { companyId: company.id });
    const outsider = await makeCompanyActor(db, 'admin');
    expect(await getCaseDetail(outsider.company.id, debtCase.id)).toBeNull();
    expect(await listCaseHistory(outsider.company.id, debtCase.id, eventTypesFor([]))).toEqual([]);
  });

  it('sums principal, interest, fees, paid, credited and outstanding from the ledger', async () => {
    const { company } = await makeCompanyActor(db, 'read');
    const debtCase = await makeCase(db, {
      companyId: company.id,
      invoiceAmountsOre: [500_000, 250_050],
      feeOre: 3_500,
      interestOre: 1_234,
    });
    await db.insert(ledgerEntries).values([
      { companyId: company.id, caseId: debtCase.id, kind: 'payment', amountOre: -100_000, bookedOn: '2026-01-10' },
      { companyId: company.id, caseId: debtCase.id, kind: 'credit_note', amountOre: -50_000, bookedOn: '2026-01-11' },
    ]);
    const detail = await getCaseDetail(company.id, debtCase.id);
    expect(detail?.totals).toEqual({
      principalOre: 750_050,
      interestOre: 1_234,
      feesOre: 3_500,
      paidOre: 100_000,
      creditedOre: 50_000,
      outstandingOre: 750_050 + 1_234 + 3_500 - 150_000,
    });
    expect(detail?.invoices.map((invoice) => invoice.amountOre)).toEqual([500_000, 250_050]);
    expect(detail?.debtor.name).toBe(debtCase.debtor.name);
    expect(detail?.latestLetter?.kid).toBe(debtCase.kid);
  });

  it('lists the history newest first with actor names (null = the agency), filtered by activity type', async () => {
    const { company, actor, user } = await makeCompanyActor(db, 'write');
    const debtCase = await makeCase(db, { companyId: company.id });
    const [message] = await db
      .insert(messages)
      .values({ companyId: company.id, caseId: debtCase.id, fromAgency: true, body: 'Skyldner har ringt.' })
      .returning();
    await db.insert(events).values({
      companyId: company.id,
      type: 'message.received',
      subjectType: 'case',
      subjectId: debtCase.id,
      caseId: debtCase.id,
      data: { messageId: message?.id ?? '' },
      occurredAt: new Date(Date.now() - 1000),
    });
    await db.transaction((tx) => changeCaseStatus(tx, actor, { caseId: debtCase.id, action: 'pause', expectedStatus: 'active' }));

    const all = await listCaseHistory(company.id, debtCase.id, eventTypesFor([]));
    expect(all.map((entry) => entry.type)).toEqual(['case.paused', 'message.received', 'letter.sent', 'case.registered']);
    expect(all[0]?.actorName).toBe(user.name);
    expect(all[1]).toMatchObject({ actorName: null, messageBody: 'Skyldner har ringt.' });

    const letters = await listCaseHistory(company.id, debtCase.id, eventTypesFor(['letters']));
    expect(letters.map((entry) => entry.type)).toEqual(['letter.sent']);
    const several = await listCaseHistory(company.id, debtCase.id, eventTypesFor(['status', 'messages']));
    expect(several.map((entry) => entry.type)).toEqual(['case.paused', 'message.received', 'case.registered']);
  });

  it("does not show a user's sign-in events or another case's events in the history", async () => {
    const { company, user } = await makeCompanyActor(db, 'write');
    const debtCase = await makeCase(db, { companyId: company.id });
    await makeCase(db, { companyId: company.id }); // another case, whose events must not show
    await db.insert(events).values({
      companyId: company.id,
      actorUserId: user.id,
      type: 'user.signed_in',
      subjectType: 'user',
      subjectId: user.id,
      data: { method: 'totp' },
    });
    const history = await listCaseHistory(company.id, debtCase.id, eventTypesFor([]));
    expect(history).toHaveLength(2);
    expect(history.every((entry) => entry.type !== 'user.signed_in')).toBe(true);
  });
});
