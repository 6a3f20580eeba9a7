import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { caseCollection, ledgerEntries, letters } from '@/db/schema';
import { changeCaseStatus } from '@/lib/cases/mutations';
import { paymentInfoFor } from '@/lib/cases/payment-info';
import { getCaseDetail } from '@/lib/cases/queries';
import { plusDays } from '@/lib/engine/rules';
import { runEngine } from '@/lib/engine/run';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';
import { makeCompany, makeUser } from '@/tests/helpers/factories';

async function setup() {
  const company = await makeCompany(db);
  const writer = await makeUser(db, { memberships: [{ companyId: company.id, role: 'write' }] });
  const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });
  await runEngine(db, { now: onDay('2025-03-15'), companyId: company.id }); // the reminder, deadline 29 March
  return { company, debtCase, actor: { userId: writer.id, companyId: company.id, role: 'write' as const } };
}

describe('the engine around withdrawals and pauses', () => {
  it('books the interest up to the day a case is withdrawn, and then nothing more', async () => {
    const { company, debtCase, actor } = await setup();
    await db.transaction((tx) =>
      changeCaseStatus(
        tx,
        actor,
        { caseId: debtCase.id, action: 'withdraw', expectedStatus: 'active', reason: 'Løst direkte' },
        onDay('2025-03-25'),
      ),
    );
    const interest = await db
      .select({ amountOre: ledgerEntries.amountOre, bookedOn: ledgerEntries.bookedOn, key: ledgerEntries.idempotencyKey })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.caseId, debtCase.id), eq(ledgerEntries.kind, 'interest')))
      .orderBy(asc(ledgerEntries.bookedOn));
    // P − D days: with the reminder 2–15 March (47.95 kr), at the withdrawal 2–25 March (24 days, 82.19 kr): 34.24 kr more.
    expect(interest.at(-1)).toEqual({ amountOre: 3_424, bookedOn: '2025-03-25', key: null });
    const [state] = await db.select().from(caseCollection).where(eq(caseCollection.caseId, debtCase.id));
    expect(state!.interestBookedToOn).toBe('2025-03-25');
    const after = await runEngine(db, { now: onDay('2025-05-01'), companyId: company.id });
    expect(after).toMatchObject({ examined: 0, letters: 0, ledgerRows: 0 });
  });

  it("shows the letter's deadline moved by the pause in Betalingsinformasjon, the day the engine's next letter counts from", async () => {
    const { company, debtCase, actor } = await setup();
    await db.transaction((tx) =>
      changeCaseStatus(tx, actor, { caseId: debtCase.id, action: 'pause', expectedStatus: 'active' }, onDay('2025-03-20')),
    );
    await db.transaction((tx) =>
      changeCaseStatus(tx, actor, { caseId: debtCase.id, action: 'resume', expectedStatus: 'paused' }, onDay('2025-03-27')),
    );
    const detail = (await getCaseDetail(company.id, debtCase.id))!;
    expect(detail.latestLetter?.dueOn).toBe('2025-03-29'); // what the letter printed
    const source = {
      status: detail.status,
      kid: detail.kid,
      outstandingOre: detail.totals.outstandingOre,
      latestLetterDueOn: detail.latestLetter?.dueOn ?? null,
      pausedDaysSinceLetter: detail.pausedDaysSinceLetter,
    };
    expect(paymentInfoFor(source, '86011117947', '2025-03-28')?.dueOn).toBe('2025-04-05'); // 7 days paused
    // The engine agrees: the notice (the day after the reminder's deadline) goes out 7 days later, on 6 April.
    for (let day = 0; day < 10; day += 1) await runEngine(db, { now: onDay(plusDays('2025-03-28', day)), companyId: company.id });
    const sent = await db
      .select({ kind: letters.kind, sentOn: letters.sentOn })
      .from(letters)
      .where(eq(letters.caseId, debtCase.id))
      .orderBy(asc(letters.sentOn));
    expect(sent.at(-1)).toEqual({ kind: 'notice', sentOn: '2025-04-06' });
    // The new letter's own deadline is shown from then on: the shift belongs to the letter before it.
    const later = (await getCaseDetail(company.id, debtCase.id))!;
    expect(later.pausedDaysSinceLetter).toBe(0);
  });
});
