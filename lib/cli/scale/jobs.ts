import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { executeRows, type Database } from '@/db/client';
import {
  apiKeys,
  caseCollection,
  cases,
  companies,
  invoiceDrafts,
  invoices,
  ledgerEntries,
  outbox,
  webhookDeliveries,
  webhookEndpoints,
} from '@/db/schema';
import { addDays, todayInOslo } from '@/lib/dates';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { DEMO_API_KEY, DEMO_API_KEY_COMPANY_ID, DEMO_COMPANIES } from '@/lib/demo/accounts';
import { ENGINE_JOB } from '@/lib/jobs/engine';
import { isoWeekday, SETTLEMENT_JOB } from '@/lib/jobs/settlement';
import { sendInvoiceRegistration } from '@/lib/queue/kicks';
import { eventually, report } from './report';
import type { Receiver } from './receivers';

const count = async (db: Database, query: ReturnType<typeof sql>) =>
  Number((await executeRows<{ n: string | number }>(db, query))[0]?.n ?? 0);

async function jobStates(boss: PgBoss, queue: string, ids: (string | null)[]) {
  return Promise.all(ids.map(async (id) => (id ? ((await boss.getJobById(queue, id))?.state ?? 'gone') : 'not queued')));
}

/** POST /api/v1/invoices through the balancer: the registration job turns it into a case. */
export async function postApiInvoice(lb: string, invoiceNumber: string) {
  const body = {
    customer: {
      customerNumber: `S-${invoiceNumber}`,
      kind: 'company',
      name: 'Skala Test AS',
      organisationNumber: '923609016',
      addressLine: 'Storgata 1',
      postcode: '0150',
      city: 'Oslo',
      countryCode: 'NO',
      email: 'skala@example.com',
    },
    invoice: { invoiceNumber, issuedOn: '2026-09-01', dueOn: '2026-09-15', amountOre: 250_000, currency: 'NOK' },
  };
  const response = await fetch(new URL('/api/v1/invoices', lb), {
    method: 'POST',
    headers: { Authorization: `Bearer ${DEMO_API_KEY}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.text() };
}

/** A draft as + Ny faktura's last step leaves it (submitted, waiting for the registration job), for the API company. */
export async function submittedDraft(db: Database, invoiceNumber: string): Promise<string> {
  const [key] = await db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.companyId, DEMO_API_KEY_COMPANY_ID)).limit(1);
  const now = new Date();
  const [draft] = await db
    .insert(invoiceDrafts)
    .values({
      companyId: DEMO_API_KEY_COMPANY_ID,
      userId: null,
      apiKeyId: key?.id ?? null,
      status: 'submitted',
      submittedAt: now,
      customer: {
        customerNumber: `S-${invoiceNumber}`,
        kind: 'company',
        name: 'Skala Test AS',
        nationalId: null,
        organisationNumber: '923609016',
        addressLine: 'Storgata 1',
        postcode: '0150',
        city: 'Oslo',
        countryCode: 'NO',
        email: 'skala@example.com',
        phone: null,
      },
      invoice: {
        invoiceNumber,
        issuedOn: '2026-09-01',
        dueOn: '2026-09-15',
        amountOre: 250_000,
        currency: 'NOK',
        description: 'Skalering',
      },
    })
    .returning({ id: invoiceDrafts.id });
  if (!draft) throw new Error('no draft');
  return draft.id;
}

export const casesWithInvoice = (db: Database, invoiceNumber: string) =>
  count(
    db,
    sql`select count(*) as n from ${invoices} where ${invoices.companyId} = ${DEMO_API_KEY_COMPANY_ID} and ${invoices.invoiceNumber} = ${invoiceNumber}`,
  );

/** The company whose settlement run the crash check interrupts (Bergen Rørlegger AS: it has payments to settle). */
export const CRASH_COMPANY = DEMO_COMPANIES[2].id;

/**
 * A debtor payment, yesterday, on one of the company's active cases: something for the settlement to settle up to
 * yesterday's cut-off. The case must be one whose ledger does not already stand at today: a payment dated before the
 * day a case's ledger stands at is booked on that day (README, "Interest"), so on a case that got the engine's
 * letter or a payment this morning it would land after the cut-off and rightly wait for the next slip. Returns the
 * day the payment was booked on (null: no such case).
 */
export async function payYesterday(db: Database, companyId: string): Promise<string | null> {
  const yesterday = addDays(todayInOslo(), -1);
  const [someCase] = await db
    .select({ id: cases.id, kid: cases.kid })
    .from(cases)
    .where(
      and(
        eq(cases.companyId, companyId),
        eq(cases.status, 'active'),
        sql`not exists (select 1 from ${caseCollection} where ${caseCollection.caseId} = ${cases.id} and ${caseCollection.interestBookedToOn} > ${yesterday})`,
        sql`not exists (select 1 from ${ledgerEntries} where ${ledgerEntries.caseId} = ${cases.id} and ${ledgerEntries.bookedOn} > ${yesterday})`,
      ),
    )
    .orderBy(asc(cases.caseNumber))
    .limit(1);
  if (!someCase) return null;
  const payment = {
    paidOn: yesterday,
    kid: someCase.kid,
    amountOre: 10_000,
    payer: 'Skala',
    bankReference: `SKALA-${crypto.randomUUID().slice(0, 12)}`,
  };
  const received = await db.transaction((tx) => receiveDebtorPayment(tx, null, payment, 'desk'));
  if (received.outcome !== 'allocated') return null;
  const [booked] = await db
    .select({ on: sql<string>`max(${ledgerEntries.bookedOn})` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.debtorPaymentId, received.paymentId), eq(ledgerEntries.kind, 'payment')));
  return booked?.on ?? null;
}

/** Every queued job runs once with workers in both instances; every schedule fires once per tick. */
export async function checkJobs(db: Database, boss: PgBoss, lb: string, resend: Receiver, hooks: Receiver, invitedEmail: string) {
  // The invitation (sent by the admin through the balancer before this): one email at the provider.
  const delivered = await eventually(
    async () => (await db.select({ status: outbox.status }).from(outbox).where(eq(outbox.recipient, invitedEmail)))[0]?.status === 'sent',
    60_000,
  );
  const [invitation] = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.recipient, invitedEmail));
  const sends = invitation ? (resend.counts.get(`outbox/${invitation.id}`) ?? 0) : 0;
  report(
    delivered && sends === 1,
    'the invitation email is sent once',
    `outbox row ${delivered ? 'sent' : 'not sent'}; the provider received it ${sends} time(s)`,
  );

  // A submitted draft's registration job, asked for twice (the action's kick and the other instance's sweep).
  const invoiceNumber = `SKALA-${Date.now()}`;
  const draftId = await submittedDraft(db, invoiceNumber);
  const queued = [await sendInvoiceRegistration(boss, draftId), await sendInvoiceRegistration(boss, draftId)];
  const registered = await eventually(async () => (await casesWithInvoice(db, invoiceNumber)) > 0, 60_000);
  const jobs = await executeRows<{ state: string }>(
    db,
    sql`select state from pgboss.job where name = 'invoice-registration' and singleton_key = ${draftId}`,
  );
  report(
    registered && (await casesWithInvoice(db, invoiceNumber)) === 1 && jobs.length === 1,
    'an invoice registration runs once',
    `asked twice: ${queued.map((id) => (id ? 'queued' : 'already queued')).join(', ')}; jobs: ${jobs.map((job) => job.state).join(', ')}; cases with that invoice: ${await casesWithInvoice(db, invoiceNumber)}`,
  );

  // An invoice through the API (registered in the request): its case.registered webhook, once.
  const posted = await postApiInvoice(lb, `SKALA-API-${Date.now()}`);
  const hooked = await eventually(
    async () =>
      (await count(db, sql`select count(*) as n from ${webhookDeliveries} where ${webhookDeliveries.status} <> 'delivered'`)) === 0 &&
      hooks.counts.size > 0,
    90_000,
  );
  const deliveries = await db
    .select({ eventId: webhookDeliveries.eventId })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId));
  const received = deliveries.map((delivery) => hooks.counts.get(delivery.eventId) ?? 0);
  report(
    hooked && received.length > 0 && received.every((n) => n === 1),
    'webhook deliveries run once',
    `POST /api/v1/invoices: ${posted.status}; ${deliveries.length} deliveries, received ${received.join(', ')} time(s) each`,
  );

  // The settlement run and the engine's morning run, fired by both instances' schedules at the same moment.
  // The companies other than CRASH_COMPANY settle today (that one is kept for the crash check).
  const today = todayInOslo();
  await db
    .update(companies)
    .set({ settlementWeekday: isoWeekday(today) })
    .where(ne(companies.id, CRASH_COMPANY));
  await db
    .update(companies)
    .set({ settlementWeekday: isoWeekday(addDays(today, 1)) })
    .where(eq(companies.id, CRASH_COMPANY));
  const cutOff = addDays(today, -1);
  const booked: (string | null)[] = [];
  for (const company of await db.select({ id: companies.id }).from(companies).where(ne(companies.id, CRASH_COMPANY)))
    booked.push(await payYesterday(db, company.id));
  const slipsBefore = await count(db, sql`select count(*) as n from remittance_slips`);
  const settlements = await Promise.all([boss.send(SETTLEMENT_JOB, {}), boss.send(SETTLEMENT_JOB, {})]);
  await eventually(
    async () => (await jobStates(boss, SETTLEMENT_JOB, settlements)).every((state) => state === 'completed' || state === 'failed'),
    120_000,
  );
  const twice = await count(
    db,
    sql`select count(*) as n from (select 1 from remittance_slips group by company_id, period_end_on having count(*) > 1) d`,
  );
  // Each company paid before the cut-off gets its one slip for it: once, and not zero times either.
  const missing = await count(
    db,
    sql`select count(*) as n from ${companies} c where c.id <> ${CRASH_COMPANY} and not exists (select 1 from remittance_slips s where s.company_id = c.id and s.period_end_on = ${cutOff})`,
  );
  report(
    twice === 0 &&
      missing === 0 &&
      booked.every((day) => day === cutOff) &&
      (await jobStates(boss, SETTLEMENT_JOB, settlements)).every((state) => state === 'completed'),
    'a settlement run fired twice at once settles once',
    `payments booked on ${booked.join(', ')} (cut-off ${cutOff}); jobs: ${(await jobStates(boss, SETTLEMENT_JOB, settlements)).join(', ')}; slips ${slipsBefore} → ${await count(db, sql`select count(*) as n from remittance_slips`)}; companies without a slip for the cut-off: ${missing}, with two: ${twice}`,
  );

  const lettersBefore = await count(db, sql`select count(*) as n from letters`);
  const engines = await Promise.all([boss.send(ENGINE_JOB, {}), boss.send(ENGINE_JOB, {})]);
  await eventually(
    async () => (await jobStates(boss, ENGINE_JOB, engines)).every((state) => state === 'completed' || state === 'failed'),
    180_000,
  );
  const doubled = await count(
    db,
    sql`select count(*) as n from (select 1 from letters group by case_id, kind, sent_on having count(*) > 1) d`,
  );
  report(
    doubled === 0 && (await jobStates(boss, ENGINE_JOB, engines)).every((state) => state === 'completed'),
    "the engine's morning run fired twice at once sends one letter per case and step",
    `jobs: ${(await jobStates(boss, ENGINE_JOB, engines)).join(', ')}; letters ${lettersBefore} → ${await count(db, sql`select count(*) as n from letters`)}; cases with a letter twice: ${doubled}`,
  );
}

/** The minute schedules (the 10-minute notification summary's tick, the sweeps): one job per minute, not one per instance. */
export async function checkSchedules(db: Database, since: Date) {
  const rows = await executeRows<{ name: string; minutes: string | number; most: string | number }>(
    db,
    sql`select name, count(distinct date_trunc('minute', created_on)) as minutes, max(n) as most
        from (select name, created_on, count(*) over (partition by name, date_trunc('minute', created_on)) as n from pgboss.job
              where created_on >= ${since.toISOString()}::timestamptz and name in ('notification-summaries', 'email-sweep', 'invoice-registration-sweep', 'webhook-sweep')) j
        group by name order by name`,
  );
  const seen = rows.map((row) => `${row.name}: ${row.minutes} tick(s), at most ${row.most} job(s) per tick`).join('; ');
  const summary = rows.find((row) => row.name === 'notification-summaries');
  report(
    Boolean(summary) && rows.every((row) => Number(row.most) === 1),
    'each schedule fires once per tick with two instances',
    seen || 'no scheduled job seen',
  );
}
