import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { caseCollection, cases, invoices, users } from '@/db/schema';
import { seedDemo } from '@/lib/demo/seed';
import { DEMO_COMPANIES } from '@/lib/demo/accounts';
import { todayInOslo } from '@/lib/dates';
import { changeCaseStatus } from '@/lib/cases/mutations';
import { registerPayment } from '@/lib/payments/mutations';
import { casesWithDriftedBalance } from '@/tests/helpers/case-factories';

const FIRST = DEMO_COMPANIES[0].id;

async function writerActor() {
  const [writer] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'skriv@demo.no'));
  if (!writer) throw new Error('demo writer missing');
  return { userId: writer.id, companyId: FIRST, role: 'write' as const };
}

/** cases.balance_ore is a cache of sum(ledger_entries.amount_ore); it must equal it for every case, always. */
describe('the cached balance equals the ledger, over the whole seeded database', () => {
  beforeAll(async () => {
    await seedDemo(db);
  }, 120_000);

  it('holds for every seeded case', async () => {
    const all = await db.select({ id: cases.id }).from(cases);
    expect(all.length).toBeGreaterThan(200);
    expect(await casesWithDriftedBalance(db)).toEqual([]);
  });

  it('still holds after payments, credit notes, closing payments and status changes on seeded cases', async () => {
    const actor = await writerActor();
    const open = await db
      .select({ id: cases.id, status: cases.status, balanceOre: cases.balanceOre })
      .from(cases)
      .where(and(eq(cases.companyId, FIRST), inArray(cases.status, ['active', 'paused'])))
      .orderBy(asc(cases.caseNumber))
      .limit(6);
    expect(open.length).toBe(6);
    for (const [index, debtCase] of open.entries()) {
      const [invoice] = await db
        .select({ id: invoices.id, issuedOn: invoices.issuedOn })
        .from(invoices)
        .where(eq(invoices.caseId, debtCase.id))
        .orderBy(asc(invoices.issuedOn));
      // Paid on the day the case's interest is booked to, so the balance is the whole debt (later, interest runs on).
      const [state] = await db
        .select({ bookedTo: caseCollection.interestBookedToOn })
        .from(caseCollection)
        .where(eq(caseCollection.caseId, debtCase.id));
      const base = {
        caseId: debtCase.id,
        invoiceId: invoice?.id,
        paidOn: state?.bookedTo ?? todayInOslo(),
        currency: 'NOK',
        confirmedOverpaymentOre: null,
      };
      // Half of them paid off in full (closing the case), the others part-paid and credited.
      const isFull = index % 2 === 0;
      await db.transaction((tx) =>
        registerPayment(tx, actor, {
          ...base,
          kind: 'payment',
          amountOre: isFull ? debtCase.balanceOre : 10_000,
          idempotencyKey: randomUUID(),
        }),
      );
      expect(await casesWithDriftedBalance(db)).toEqual([]);
      if (!isFull) {
        await db.transaction((tx) =>
          registerPayment(tx, actor, { ...base, kind: 'credit', amountOre: 5_000, idempotencyKey: randomUUID() }),
        );
        await db.transaction((tx) =>
          changeCaseStatus(tx, actor, {
            caseId: debtCase.id,
            action: debtCase.status === 'active' ? 'pause' : 'resume',
            expectedStatus: debtCase.status,
          }),
        );
        expect(await casesWithDriftedBalance(db)).toEqual([]);
      }
    }
    const closed = await db
      .select({ status: cases.status, balanceOre: cases.balanceOre })
      .from(cases)
      .where(
        inArray(
          cases.id,
          open.filter((_, index) => index % 2 === 0).map((debtCase) => debtCase.id),
        ),
      );
    expect(closed.every((row) => row.status === 'closed' && row.balanceOre === 0)).toBe(true);
  });
});
