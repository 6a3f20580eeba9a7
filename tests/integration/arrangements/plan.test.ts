import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { cases, debtors, ledgerEntries, letters, outbox, paymentArrangements, planInstalments, tasks } from '@/db/schema';
import { requestArrangement } from '@/lib/arrangements/mutations';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { runEngine } from '@/lib/engine/run';
import { taskText } from '@/lib/i18n/task-text';
import { consentSubjectOf, grantConsent } from '@/lib/letter-consents/mutations';
import { balanceAndLedger, caseEvents } from '@/tests/helpers/case-factories';
import { bankReference } from '@/tests/helpers/debtor-payment-factories';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';
import { makeCompany } from '@/tests/helpers/factories';

/** 10 000 kr due 10 Jan 2025, its reminder sent on 25 Jan by the engine, the debtor reachable by email. */
async function remindedCase(agreement: Record<string, unknown> = {}) {
  const company = await makeCompany(db, { collectionAgreement: agreement });
  const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-01-10' });
  await db
    .update(debtors)
    .set({ email: `skyldner.${debtCase.caseNumber}@example.com` })
    .where(eq(debtors.id, debtCase.debtorId));
  await runEngine(db, { now: onDay('2025-01-25'), caseIds: [debtCase.id] });
  return { company, debtCase, scope: { companyId: company.id, caseId: debtCase.id } };
}

const kinds = async (caseId: string) =>
  (await db.select({ kind: letters.kind }).from(letters).where(eq(letters.caseId, caseId)).orderBy(asc(letters.sentOn))).map(
    (row) => row.kind,
  );
const run = (caseId: string, day: string) => runEngine(db, { now: onDay(day), caseIds: [caseId] });
const pay = (kid: string, day: string, amountOre: number) =>
  db.transaction((tx) =>
    receiveDebtorPayment(tx, null, { paidOn: day, kid, amountOre, payer: 'Skyldner', bankReference: bankReference() }, 'ocr', onDay(day)),
  );

describe('an instalment plan from Min side', () => {
  it('inside the limits: starts at once with its schedule and fee; paid on time, no letters; a missed instalment sends one notice; not cured, the path resumes', async () => {
    const { company, debtCase, scope } = await remindedCase();
    expect(await kinds(debtCase.id)).toEqual(['reminder']);
    const outcome = await db.transaction((tx) =>
      requestArrangement(tx, scope, { caseId: debtCase.id, kind: 'plan', months: 6 }, onDay('2025-02-01')),
    );
    expect(outcome.status).toBe('active');
    const schedule = await db
      .select()
      .from(planInstalments)
      .where(eq(planInstalments.arrangementId, outcome.arrangementId))
      .orderBy(asc(planInstalments.number));
    expect(schedule.map((row) => row.dueOn)).toEqual(['2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01', '2025-07-01', '2025-08-01']);
    // The plan fee (1.5 × 700 kr) is in the ledger from the plan's day, and the balance agrees with it.
    const [fee] = await db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.caseId, debtCase.id), eq(ledgerEntries.feeKind, 'plan_fee')));
    expect(fee).toMatchObject({ amountOre: 105_000, bookedOn: '2025-02-01' });
    const { balanceOre, ledgerOre } = await balanceAndLedger(db, debtCase.id);
    expect(balanceOre).toBe(ledgerOre);
    expect((await caseEvents(db, company.id, debtCase.id)).map((e) => e.type)).toContain('arrangement.started');

    await pay(debtCase.kid, '2025-03-01', schedule[0]!.amountOre);
    // Without the plan the notice would have gone on 9 February.
    await run(debtCase.id, '2025-03-20');
    await run(debtCase.id, '2025-04-01');
    expect(await kinds(debtCase.id)).toEqual(['reminder']);
    expect(await db.select().from(outbox).where(eq(outbox.template, 'debtor_notice'))).toHaveLength(0);

    await run(debtCase.id, '2025-04-02');
    const [missed] = await db
      .select()
      .from(planInstalments)
      .where(and(eq(planInstalments.arrangementId, outcome.arrangementId), eq(planInstalments.number, 2)));
    expect(missed?.noticeSentOn).toBe('2025-04-02');
    const notices = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.template, 'debtor_notice'), eq(outbox.recipient, `skyldner.${debtCase.caseNumber}@example.com`)));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.bodyText).toContain(`sak ${debtCase.caseNumber}`);
    expect(await kinds(debtCase.id)).toEqual(['reminder']);

    await run(debtCase.id, '2025-04-16');
    expect(await db.select().from(outbox).where(eq(outbox.template, 'debtor_notice'))).toHaveLength(1);
    const [held] = await db
      .select({ status: paymentArrangements.status })
      .from(paymentArrangements)
      .where(eq(paymentArrangements.id, outcome.arrangementId));
    expect(held?.status).toBe('active');

    await run(debtCase.id, '2025-04-17');
    const [broken] = await db
      .select({ status: paymentArrangements.status })
      .from(paymentArrangements)
      .where(eq(paymentArrangements.id, outcome.arrangementId));
    expect(broken?.status).toBe('broken');
    expect((await caseEvents(db, company.id, debtCase.id)).find((e) => e.type === 'arrangement.ended')?.data).toEqual({
      kind: 'plan',
      outcome: 'broken',
    });
    await run(debtCase.id, '2025-04-18');
    expect(await kinds(debtCase.id)).toEqual(['reminder', 'notice']);
  });

  it('a missed instalment paid within the notice’s deadline keeps the plan', async () => {
    const { debtCase, scope } = await remindedCase();
    const outcome = await db.transaction((tx) =>
      requestArrangement(tx, scope, { caseId: debtCase.id, kind: 'plan', months: 3 }, onDay('2025-02-01')),
    );
    expect(outcome.preview.kind === 'plan' && outcome.preview.option.planFeeOre).toBe(0);
    const schedule = await db
      .select()
      .from(planInstalments)
      .where(eq(planInstalments.arrangementId, outcome.arrangementId))
      .orderBy(asc(planInstalments.number));
    await run(debtCase.id, '2025-03-02');
    await pay(debtCase.kid, '2025-03-10', schedule[0]!.amountOre);
    await run(debtCase.id, '2025-03-20');
    await run(debtCase.id, '2025-04-01');
    const [kept] = await db
      .select({ status: paymentArrangements.status })
      .from(paymentArrangements)
      .where(eq(paymentArrangements.id, outcome.arrangementId));
    expect(kept?.status).toBe('active');
    expect(await kinds(debtCase.id)).toEqual(['reminder']);
  });

  it('a missed instalment’s notice speaks the language of the debtor’s consent to electronic contact', async () => {
    const { debtCase, scope } = await remindedCase();
    const subject = consentSubjectOf({ kind: 'letterCode', caseId: debtCase.id });
    await db.transaction((tx) =>
      grantConsent(tx, subject, { channel: 'email', address: `en.${debtCase.caseNumber}@example.com`, locale: 'en' }),
    );
    await db.transaction((tx) => requestArrangement(tx, scope, { caseId: debtCase.id, kind: 'plan', months: 3 }, onDay('2025-02-01')));
    await run(debtCase.id, '2025-03-02');
    const [notice] = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.template, 'debtor_notice'), eq(outbox.recipient, `skyldner.${debtCase.caseNumber}@example.com`)));
    expect(notice?.bodyText).toContain(`case ${debtCase.caseNumber}`);
    expect(notice?.bodyText).toContain('/en/min-side');
    expect(notice?.bodyText).not.toContain(`sak ${debtCase.caseNumber}`);
  });

  it('outside the limits (or when the agency may not approve): a task for the creditor, and the path is not held', async () => {
    const { company, debtCase, scope } = await remindedCase({ longestPlanMonths: 4 });
    const outcome = await db.transaction((tx) =>
      requestArrangement(tx, scope, { caseId: debtCase.id, kind: 'plan', months: 6 }, onDay('2025-02-01')),
    );
    expect(outcome.status).toBe('requested');
    expect(outcome.preview.limit).toBe('tooLong');
    const [task] = await db.select().from(tasks).where(eq(tasks.caseId, debtCase.id));
    expect(task).toMatchObject({ companyId: company.id, status: 'open', title: 'Skyldneren ber om nedbetalingsplan (6 avdrag)' });
    // Stored as its kind and params: each reader gets it in their language.
    expect(task).toMatchObject({ kind: 'arrangement_request', params: { arrangement: 'plan', instalments: 6, limit: 'tooLong' } });
    expect(taskText(task!, 'en').title).toBe('The debtor asks for a payment plan (6 instalments)');
    expect(taskText(task!, 'en').body).toContain("Outside the agreement's limits: longer than the agreement allows.");
    expect(
      await db
        .select()
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.caseId, debtCase.id), eq(ledgerEntries.feeKind, 'plan_fee'))),
    ).toHaveLength(0);
    await expect(
      db.transaction((tx) => requestArrangement(tx, scope, { caseId: debtCase.id, kind: 'plan', months: 3 }, onDay('2025-02-01'))),
    ).rejects.toThrow('debtorActions.plan.errors.alreadyArranged');
    await run(debtCase.id, '2025-02-10');
    expect(await kinds(debtCase.id)).toEqual(['reminder', 'notice']);
    const asking = await remindedCase({ agencyMayApprovePlans: false });
    const asked = await db.transaction((tx) =>
      requestArrangement(tx, asking.scope, { caseId: asking.debtCase.id, kind: 'plan', months: 3 }, onDay('2025-02-01')),
    );
    expect([asked.status, asked.preview.limit]).toEqual(['requested', 'needsCreditor']);
  });

  it('a postponement holds the path until its day, then the path resumes', async () => {
    const { debtCase, scope } = await remindedCase();
    const outcome = await db.transaction((tx) =>
      requestArrangement(tx, scope, { caseId: debtCase.id, kind: 'postponement', days: 14 }, onDay('2025-02-05')),
    );
    expect(outcome.status).toBe('active');
    await run(debtCase.id, '2025-02-19');
    expect(await kinds(debtCase.id)).toEqual(['reminder']);
    await run(debtCase.id, '2025-02-20');
    await run(debtCase.id, '2025-02-21');
    expect(await kinds(debtCase.id)).toEqual(['reminder', 'notice']);
  });

  it('another company’s case and a disputed or ended case are refused, nothing written', async () => {
    const { debtCase } = await remindedCase();
    const other = await makeCompany(db);
    await expect(
      db.transaction((tx) =>
        requestArrangement(
          tx,
          { companyId: other.id, caseId: debtCase.id },
          { caseId: debtCase.id, kind: 'plan', months: 3 },
          onDay('2025-02-01'),
        ),
      ),
    ).rejects.toThrow('debtorActions.plan.errors.caseNotOpen');
    await db.update(cases).set({ status: 'withdrawn' }).where(eq(cases.id, debtCase.id));
    await expect(
      db.transaction((tx) =>
        requestArrangement(
          tx,
          { companyId: debtCase.companyId, caseId: debtCase.id },
          { caseId: debtCase.id, kind: 'plan', months: 3 },
          onDay('2025-02-01'),
        ),
      ),
    ).rejects.toThrow('debtorActions.plan.errors.caseNotOpen');
    expect(await db.select().from(paymentArrangements).where(eq(paymentArrangements.caseId, debtCase.id))).toHaveLength(0);
  });
});
