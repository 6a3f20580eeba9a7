import { and, count, eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseHandle, db } from '@/db';
import { executeRows, openDatabase, type DatabaseHandle } from '@/db/client';
import { cases, companies, debtors, invoiceDrafts, remittanceSlips } from '@/db/schema';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { addDays, todayInOslo } from '@/lib/dates';
import type { Actor } from '@/lib/auth/gate/checks';
import { isoWeekday, SETTLEMENT_JOB } from '@/lib/jobs/settlement';
import { startWorker } from '@/lib/jobs/worker';
import { INVOICE_REGISTRATION_JOB, sendInvoiceRegistration } from '@/lib/queue/kicks';
import { makeCase } from '@/tests/helpers/case-factories';
import { exitCode, spawnTs, waitForOutput } from '@/tests/helpers/child-process';
import { bankReference, makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import { submittedDraft } from '@/tests/helpers/invoice-fixtures';
import { waitFor, waitForJob } from '@/tests/helpers/wait';

// Several instances each run a pg-boss worker on one database. A job runs once however many workers poll, and a
// worker killed mid-job (SIGKILL: no goodbye) loses nothing: its job expires, another worker retries it, and the
// job's own transaction makes the effect happen exactly once.
process.env.JOBS_MAINTENANCE_SECONDS = '1';
// Long enough for a run under load, short enough that a dead worker's job comes back within the test.
const EXPIRE_SECONDS = 6;

const bosses: PgBoss[] = [];
const handles: DatabaseHandle[] = [];
afterEach(async () => {
  await Promise.all(bosses.splice(0).map((boss) => boss.stop({ graceful: false, wait: true })));
  await Promise.all(handles.splice(0).map((handle) => handle.close()));
});

// The registration queue's retry delay (15 s, doubling) shortened, so that the retry comes within the test.
async function worker() {
  const boss = await startWorker(databaseHandle(), { emailSender: null, smsSender: null, invoiceRegistration: { retryDelaySeconds: 1 } });
  bosses.push(boss);
  return boss;
}

async function companySettlingToday() {
  const today = todayInOslo();
  const company = await makeCompany(db, { settlementWeekday: isoWeekday(today) });
  const staff = await makeStaff(db);
  const debtCase = await makeCase(db, { companyId: company.id });
  const payment = { paidOn: addDays(today, -1), kid: debtCase.kid, amountOre: 50_000, payer: 'Kari', bankReference: bankReference() };
  await db.transaction((tx) => receiveDebtorPayment(tx, staff, payment, 'desk'));
  return company;
}

async function writer() {
  const company = await makeCompany(db);
  const user = await makeUser(db, { memberships: [{ companyId: company.id, role: 'write' }] });
  return { companyId: company.id, actor: { userId: user.id, companyId: company.id, role: 'write' } satisfies Actor };
}

const slipsOf = async (companyId: string) =>
  (await db.select({ n: count() }).from(remittanceSlips).where(eq(remittanceSlips.companyId, companyId)))[0]?.n;
const casesOf = async (companyId: string) => (await db.select({ n: count() }).from(cases).where(eq(cases.companyId, companyId)))[0]?.n;

/** Whether a connection of `applicationName` waits for a lock (the job is mid-run, held by the test). */
async function waitsForLock(applicationName: string) {
  const rows = await executeRows(
    db,
    sql`select 1 from pg_stat_activity where application_name = ${applicationName} and wait_event_type = 'Lock'`,
  );
  return rows.length > 0;
}

/**
 * Holds a transaction open on its own connection until `release()`: `hold` takes the lock the job will wait for.
 * The transaction rolls back (nothing of the test's own stays behind).
 */
async function holdLock(hold: (tx: Parameters<Parameters<DatabaseHandle['db']['transaction']>[0]>[0]) => Promise<unknown>) {
  const holder = openDatabase(process.env.DATABASE_URL, { max: 1 });
  handles.push(holder);
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
  };
}

describe('jobs with workers in two instances', () => {
  it('runs each job once: two settlement runs at once give one slip per company, each draft one case', async () => {
    const [first, second] = [await worker(), await worker()];
    const settling = [await companySettlingToday(), await companySettlingToday()];
    // Both instances' schedules fire at the same moment.
    const runs = await Promise.all([first.send(SETTLEMENT_JOB, {}), second.send(SETTLEMENT_JOB, {})]);
    expect(await Promise.all(runs.map((id) => waitForJob(first, SETTLEMENT_JOB, id)))).toEqual(['completed', 'completed']);
    for (const company of settling) expect(await slipsOf(company.id)).toBe(1);

    const { companyId, actor } = await writer();
    const drafts = [];
    for (let i = 0; i < 4; i++) drafts.push((await submittedDraft(db, actor)).draftId);
    // Asked for from both instances (an action's kick and the other's sweep): one queued job per draft.
    for (const draftId of drafts) await Promise.all([sendInvoiceRegistration(first, draftId), sendInvoiceRegistration(second, draftId)]);
    await waitFor(
      async () =>
        (
          await db
            .select({ n: count() })
            .from(invoiceDrafts)
            .where(and(eq(invoiceDrafts.companyId, companyId), eq(invoiceDrafts.status, 'registered')))
        )[0]?.n === 4,
      {
        what: 'four drafts registered',
      },
    );
    expect(await casesOf(companyId)).toBe(4);
  });

  it('a settlement run killed mid-run (SIGKILL) is retried by the other worker: one slip per company', async () => {
    const settling = [await companySettlingToday(), await companySettlingToday()];
    const doomed = spawnTs('tests/helpers/processes/job-worker.ts', { DATABASE_APPLICATION_NAME: 'doomed-worker' });
    await waitForOutput(doomed, 'ready');
    // The run settles the first company, then waits for the second one's row, which the test holds.
    const last = settling[1];
    if (!last) throw new Error('no company');
    const release = await holdLock((tx) => tx.select({ id: companies.id }).from(companies).where(eq(companies.id, last.id)).for('update'));
    const sender = await worker();
    await sender.offWork(SETTLEMENT_JOB); // only the doomed worker takes it first
    const jobId = await sender.send(SETTLEMENT_JOB, {}, { expireInSeconds: EXPIRE_SECONDS });
    await waitFor(() => waitsForLock('doomed-worker'), { what: 'the doomed worker mid-run' });

    doomed.child.kill('SIGKILL');
    await exitCode(doomed.child, 10_000);
    await release();
    const survivor = await worker();
    expect(await waitForJob(survivor, SETTLEMENT_JOB, jobId, 60_000)).toBe('completed');
    expect((await survivor.getJobById(SETTLEMENT_JOB, jobId ?? ''))?.retryCount).toBeGreaterThanOrEqual(1);
    for (const company of settling) expect(await slipsOf(company.id)).toBe(1);
  }, 90_000);

  it('an invoice registration killed mid-run (SIGKILL) is retried by the other worker: one case', async () => {
    const { companyId, actor } = await writer();
    const { draftId } = await submittedDraft(db, actor, { customer: { customerNumber: 'K-DREPT' } });
    const doomed = spawnTs('tests/helpers/processes/job-worker.ts', { DATABASE_APPLICATION_NAME: 'doomed-registrar' });
    await waitForOutput(doomed, 'ready');
    // The job locks its draft, then waits on the debtor register, where the test has the same customer number
    // half-written: the run is inside its transaction when it dies.
    const release = await holdLock((tx) =>
      tx.insert(debtors).values({ companyId, customerNumber: 'K-DREPT', kind: 'person', name: 'Låst', searchName: 'låst' }),
    );
    process.env.JOBS_EXPIRE_SECONDS = String(EXPIRE_SECONDS);
    const sender = await worker();
    await sender.offWork(INVOICE_REGISTRATION_JOB);
    const jobId = await sendInvoiceRegistration(sender, draftId);
    await waitFor(() => waitsForLock('doomed-registrar'), { what: 'the doomed registration mid-run' });

    doomed.child.kill('SIGKILL');
    await exitCode(doomed.child, 10_000);
    await release();
    const survivor = await worker();
    expect(await waitForJob(survivor, INVOICE_REGISTRATION_JOB, jobId, 60_000)).toBe('completed');
    expect((await survivor.getJobById(INVOICE_REGISTRATION_JOB, jobId ?? ''))?.retryCount).toBeGreaterThanOrEqual(1);
    expect(await casesOf(companyId)).toBe(1);
    const [draft] = await db.select({ status: invoiceDrafts.status }).from(invoiceDrafts).where(eq(invoiceDrafts.id, draftId));
    expect(draft?.status).toBe('registered');
  }, 90_000);
});
