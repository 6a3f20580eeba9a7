import { and, asc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { events, letters } from '@/db/schema';
import { changeCollection } from '@/lib/engine/mutations';
import { runEngine } from '@/lib/engine/run';
import { makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';
import { makeCompany, makeUser } from '@/tests/helpers/factories';

describe('dispute and legal confirmation', () => {
  it('the creditor disputes, the case holds; the confirmation releases it; the desk confirms legal collection', async () => {
    const company = await makeCompany(db);
    const writer = await makeUser(db, { memberships: [{ companyId: company.id, role: 'write' }] });
    const staff = await makeStaff(db);
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });
    const creditor = { userId: writer.id, companyId: company.id };
    await runEngine(db, { now: onDay('2025-03-15'), companyId: company.id });
    await expect(
      db.transaction((tx) => changeCollection(tx, creditor, { caseId: debtCase.id, intent: 'dispute', reason: '' }, 'creditor')),
    ).rejects.toThrow();
    await db.transaction((tx) =>
      changeCollection(tx, creditor, { caseId: debtCase.id, intent: 'dispute', reason: 'Varene kom aldri' }, 'creditor'),
    );
    await expect(
      db.transaction((tx) => changeCollection(tx, creditor, { caseId: debtCase.id, intent: 'dispute', reason: 'igjen' }, 'creditor')),
    ).rejects.toThrow();
    await runEngine(db, { now: onDay('2025-04-20'), companyId: company.id });
    expect(await db.select().from(letters).where(eq(letters.caseId, debtCase.id))).toHaveLength(1);
    await db.transaction((tx) => changeCollection(tx, creditor, { caseId: debtCase.id, intent: 'resolveDispute', reason: '' }, 'creditor'));
    await runEngine(db, { now: onDay('2025-04-21'), companyId: company.id });
    await runEngine(db, { now: onDay('2025-05-09'), companyId: company.id });
    await db.transaction((tx) =>
      changeCollection(
        tx,
        { userId: staff.userId, companyId: company.id },
        { caseId: debtCase.id, intent: 'confirmLegal', reason: '' },
        'agency',
      ),
    );
    await runEngine(db, { now: onDay('2025-05-24'), companyId: company.id });
    const kinds = (await db.select().from(letters).where(eq(letters.caseId, debtCase.id)).orderBy(asc(letters.sentOn))).map((l) => l.kind);
    expect(kinds).toEqual(['reminder', 'notice', 'demand', 'legal_notice']);
    const history = await db
      .select({ type: events.type, data: events.data })
      .from(events)
      .where(and(eq(events.caseId, debtCase.id), inArray(events.type, ['case.disputed', 'case.dispute_resolved', 'case.legal_confirmed'])))
      .orderBy(asc(events.occurredAt));
    expect(history).toEqual([
      { type: 'case.disputed', data: { reason: 'Varene kom aldri', by: 'creditor' } },
      { type: 'case.dispute_resolved', data: {} },
      { type: 'case.legal_confirmed', data: {} },
    ]);
  });
});

describe("the company's agreement", () => {
  it('the desk edits it and the engine follows it: no reminder, the first letter 5 days after due, a non-VAT creditor', async () => {
    const { updateAgreement } = await import('@/lib/engine/mutations');
    const { DEFAULT_AGREEMENT } = await import('@/lib/engine/rules');
    const company = await makeCompany(db);
    const staff = await makeStaff(db);
    await db.transaction((tx) =>
      updateAgreement(tx, staff, {
        companyId: company.id,
        agreement: { ...DEFAULT_AGREEMENT, reminderEnabled: false, firstLetterAfterDueDays: 5 },
        vatRegistered: false,
      }),
    );
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });
    await runEngine(db, { now: onDay('2025-03-06'), companyId: company.id });
    await runEngine(db, { now: onDay('2025-03-23'), companyId: company.id });
    const sent = await db.select().from(letters).where(eq(letters.caseId, debtCase.id)).orderBy(asc(letters.sentOn));
    expect(sent.map((l) => [l.kind, l.sentOn, l.newFeeOre])).toEqual([
      ['notice', '2025-03-06', 0], // no fee before 14 days after due
      ['demand', '2025-03-23', 70_000], // 560 kr + 25 % for a creditor without VAT
    ]);
  });
});
