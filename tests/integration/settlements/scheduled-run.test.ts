import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { databaseHandle, db } from '@/db';
import { companies, remittanceSlips } from '@/db/schema';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { isoWeekday, runScheduledSettlements, SETTLEMENT_JOB } from '@/lib/jobs/settlement';
import { startWorker } from '@/lib/jobs/worker';
import { makeCase } from '@/tests/helpers/case-factories';
import { bankReference, makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeCompany } from '@/tests/helpers/factories';
import { addDays, todayInOslo } from '@/lib/dates';
import { waitForJob } from '@/tests/helpers/wait';

async function companyWithPayment(weekday: number, paidOn: string) {
  const company = await makeCompany(db, { settlementWeekday: weekday });
  const staff = await makeStaff(db);
  const debtCase = await makeCase(db, { companyId: company.id });
  await db.transaction((tx) =>
    receiveDebtorPayment(
      tx,
      staff,
      { paidOn, kid: debtCase.kid, amountOre: 50_000, payer: 'Kari', bankReference: bankReference() },
      'desk',
    ),
  );
  return company;
}

describe('the scheduled settlement run', () => {
  it('settles each company on its own weekday, up to yesterday, once (moved clock)', async () => {
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-12-06')).toBe(7);
    const monday = await companyWithPayment(1, '2026-11-27');
    const wednesday = await companyWithPayment(3, '2026-11-27');
    // Monday 30 November 2026, 06:00 in Oslo.
    const mondayMorning = new Date('2026-11-30T05:00:00Z');
    const outcomes = await runScheduledSettlements(db, mondayMorning);
    expect(outcomes[monday.id]).toBe('created');
    expect(outcomes[wednesday.id]).toBeUndefined();
    expect((await runScheduledSettlements(db, mondayMorning))[monday.id]).toBe('exists');
    const [slip] = await db.select().from(remittanceSlips).where(eq(remittanceSlips.companyId, monday.id));
    expect(slip?.periodEndOn).toBe('2026-11-29');
    expect((await runScheduledSettlements(db, new Date('2026-12-02T05:00:00Z')))[wednesday.id]).toBe('created');
  });

  it('runs as a pg-boss job', async () => {
    // Today's weekday, so the job (which uses the real clock) picks this company.
    const today = todayInOslo();
    const yesterday = addDays(today, -1);
    const company = await companyWithPayment(isoWeekday(today), yesterday);
    await db
      .update(companies)
      .set({ settlementWeekday: isoWeekday(today) })
      .where(eq(companies.id, company.id));
    const boss = await startWorker(databaseHandle(), { emailSender: null });
    try {
      expect(await waitForJob(boss, SETTLEMENT_JOB, await boss.send(SETTLEMENT_JOB, {}))).toBe('completed');
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    expect(await db.select().from(remittanceSlips).where(eq(remittanceSlips.companyId, company.id))).toHaveLength(1);
  });
});
