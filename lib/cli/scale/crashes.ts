import { eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { executeRows, openDatabase, type Database } from '@/db/client';
import { companies, debtors } from '@/db/schema';
import { addDays, todayInOslo } from '@/lib/dates';
import { DEMO_API_KEY_COMPANY_ID } from '@/lib/demo/accounts';
import { isoWeekday, SETTLEMENT_JOB } from '@/lib/jobs/settlement';
import { INVOICE_REGISTRATION_JOB, sendInvoiceRegistration } from '@/lib/queue/kicks';
import { casesWithInvoice, CRASH_COMPANY, payYesterday, submittedDraft } from './jobs';
import { eventually, report } from './report';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Holds a transaction open on a connection of its own, with the lock `hold` takes, until the returned function is
 * called; then rolls it back (nothing of the check's own stays).
 */
async function holdLock(url: string, hold: (tx: Tx) => Promise<unknown>) {
  const holder = openDatabase(url, { max: 1, applicationName: 'scale-check-lock' });
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked = () => {};
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const done = holder.db
    .transaction(async (tx) => {
      await hold(tx);
      locked();
      await released;
      tx.rollback();
    })
    .catch(() => undefined);
  await isLocked;
  return async () => {
    release();
    await done;
    await holder.close();
  };
}

/** The instance whose connection waits for the held lock: the one in the middle of the job. */
async function waitingInstance(db: Database, names: string[]): Promise<string | null> {
  let found: string | null = null;
  await eventually(async () => {
    const rows = await executeRows<{ name: string }>(
      db,
      sql`select application_name as name from pg_stat_activity where wait_event_type = 'Lock' and application_name <> 'scale-check-lock'`,
    );
    found = rows.map((row) => row.name).find((name) => names.includes(name)) ?? null;
    return found !== null;
  }, 60_000);
  return found;
}

export type Crash = (name: string) => Promise<void>;

/** A settlement run: the instance running it is killed (SIGKILL) mid-run; the other retries; one slip. */
export async function checkSettlementCrash(db: Database, url: string, boss: PgBoss, names: string[], crash: Crash) {
  await db
    .update(companies)
    .set({ settlementWeekday: isoWeekday(todayInOslo()) })
    .where(eq(companies.id, CRASH_COMPANY));
  // The payment must be booked up to the cut-off, or the run rightly leaves it for the next slip (see payYesterday).
  const cutOff = addDays(todayInOslo(), -1);
  const bookedOn = await payYesterday(db, CRASH_COMPANY);
  const slipCount = async () =>
    Number(
      (await executeRows<{ n: string }>(db, sql`select count(*) as n from remittance_slips where company_id = ${CRASH_COMPANY}`))[0]?.n ??
        0,
    );
  const forCutOff = async () =>
    Number(
      (
        await executeRows<{ n: string }>(
          db,
          sql`select count(*) as n from remittance_slips where company_id = ${CRASH_COMPANY} and period_end_on = ${cutOff}`,
        )
      )[0]?.n ?? 0,
    );
  const slipsBefore = await slipCount();
  const release = await holdLock(url, (tx) =>
    tx.select({ id: companies.id }).from(companies).where(eq(companies.id, CRASH_COMPANY)).for('update'),
  );
  const jobId = await boss.send(SETTLEMENT_JOB, {});
  const victim = await waitingInstance(db, names);
  if (victim) await crash(victim);
  await release();
  const done = await eventually(async () => (await boss.getJobById(SETTLEMENT_JOB, jobId ?? ''))?.state === 'completed', 150_000);
  const job = await boss.getJobById(SETTLEMENT_JOB, jobId ?? '');
  const [slipsAfter, settled] = [await slipCount(), await forCutOff()];
  report(
    Boolean(victim) && done && bookedOn === cutOff && settled === 1 && slipsAfter === slipsBefore + 1,
    'an instance killed (SIGKILL) in the middle of a settlement run: the other retries, one slip',
    `a payment booked on ${bookedOn ?? 'no day'} (cut-off ${cutOff}); ${victim ?? 'no instance'} was mid-run and killed; the job ${job?.state ?? 'unknown'} after ${job?.retryCount ?? '?'} retr(y/ies); the company's slips ${slipsBefore} → ${slipsAfter}, for the cut-off: ${settled}`,
  );
}

/** An invoice registration: the instance running it is killed mid-run (its transaction waits on the debtor register). */
export async function checkRegistrationCrash(db: Database, url: string, boss: PgBoss, names: string[], crash: Crash) {
  const invoiceNumber = `KRASJ-${Date.now()}`;
  const release = await holdLock(url, (tx) =>
    tx.insert(debtors).values({
      companyId: DEMO_API_KEY_COMPANY_ID,
      customerNumber: `S-${invoiceNumber}`,
      kind: 'company',
      name: 'Låst',
      searchName: 'låst',
    }),
  );
  const draftId = await submittedDraft(db, invoiceNumber);
  const jobId = await sendInvoiceRegistration(boss, draftId);
  const victim = await waitingInstance(db, names);
  if (victim) await crash(victim);
  await release();
  const registered = await eventually(async () => (await casesWithInvoice(db, invoiceNumber)) > 0, 150_000);
  const job = await boss.getJobById(INVOICE_REGISTRATION_JOB, jobId ?? '');
  report(
    Boolean(victim) && registered && (await casesWithInvoice(db, invoiceNumber)) === 1,
    'an instance killed (SIGKILL) in the middle of an invoice registration: the other retries, one case',
    `${victim ?? 'no instance'} was mid-run and killed; the job ${job?.state ?? 'unknown'} after ${job?.retryCount ?? '?'} retr(y/ies); cases with the invoice: ${await casesWithInvoice(db, invoiceNumber)}`,
  );
}
