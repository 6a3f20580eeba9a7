import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { inArray, sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import postgres from 'postgres';
import { executeRows, openDatabase, type Database } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { outbox } from '@/db/schema';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { DEMO_API_KEY, DEMO_API_KEY_COMPANY_ID } from '@/lib/demo/accounts';
import { ensureDemoApiKey } from '@/lib/demo/api-key';
import { seedDemo } from '@/lib/demo/seed';
import { DEFAULT_RETRY, SMS_RETRY } from '@/lib/jobs/outbox-channels';
import { queueDeliveries } from '@/lib/queue/kicks';
import { enqueueSms } from '@/lib/sms/outbox';
import { needsBuild } from './build-state';
import { ownCluster, postgresBinary, type Cluster } from './faults/cluster';
import { startFlakyProvider, type FlakyProvider } from './faults/flaky-provider';
import { startPortal, type Portal } from './portal-process';
import { sessionCookieFor } from './session-cookie';

// npm run faults:check [-- --outage-seconds 20 --engine-cases 20000]: the portal under faults, on a PostgreSQL
// cluster of its own (FAULTS_PORT_BASE+10, default 4410; never the shared one), printing what it did and a
// PASS/FAIL line per thing it saw. Parts: the database away under a running portal, providers down for a while,
// a run killed mid-way (a deploy), and a backup taken while the portal serves and writes, restored and compared.

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const OUTAGE_SECONDS = argument('outage-seconds', 20);
const ENGINE_CASES = argument('engine-cases', 20_000);
const PORT_BASE = Number(process.env.FAULTS_PORT_BASE ?? 4400);
const secrets = { AUTH_SECRET: randomBytes(32).toString('hex'), ENCRYPTION_KEY: randomBytes(32).toString('hex') };
Object.assign(process.env, secrets);

let failures = 0;
const check = (ok: boolean, text: string) => {
  if (!ok) failures += 1;
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
};
const say = (text: string) => console.log(`      ${text}`);
const title = (text: string) => console.log(`\n━━ ${text}`);
const until = async (what: () => Promise<boolean>, timeoutMs: number) => {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (await what().catch(() => false)) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
};
const countBy = (values: (string | number)[]) => values.reduce<Record<string, number>>((all, v) => ((all[v] = (all[v] ?? 0) + 1), all), {});

async function recreate(cluster: Cluster, name: string) {
  const admin = postgres(cluster.url('postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
}

// ─── 1. PostgreSQL unavailable under a running portal ────────────────────────────────────────────────────────────
async function databaseOutage(cluster: Cluster, portal: Portal, db: Database, cookie: string, resend: FlakyProvider) {
  title(`PostgreSQL unavailable for ${OUTAGE_SECONDS} s while clients read and write`);
  const api = { authorization: `Bearer ${DEMO_API_KEY}` };
  const page = (locale: string) => fetch(`${portal.baseUrl}/${locale}/cases`, { headers: { cookie }, redirect: 'manual' });
  const apiList = () => fetch(`${portal.baseUrl}/api/v1/cases?limit=5`, { headers: api });
  const [invoice] = await executeRows<{ invoice_number: string }>(
    db,
    sql`select i.invoice_number from invoices i join cases c on c.id = i.case_id where c.company_id = ${DEMO_API_KEY_COMPANY_ID} and c.status = 'active' and c.balance_ore > 100000 order by i.invoice_number limit 1`,
  );
  const apiPayment = (key: string) =>
    fetch(`${portal.baseUrl}/api/v1/payments`, {
      method: 'POST',
      headers: { ...api, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ invoiceNumber: invoice?.invoice_number, amountOre: 100, paidOn: new Date().toISOString().slice(0, 10) }),
    });
  check((await page('nb')).status === 200 && (await apiList()).status === 200, 'before: the case list and GET /api/v1/cases answer 200');
  const paymentsBefore = (await executeRows<{ n: number }>(db, sql`select count(*)::int as n from ledger_entries`))[0]?.n ?? 0;

  cluster.stop();
  say(`stopped PostgreSQL (pg_ctl stop -m fast) on port ${cluster.port}`);
  const seen: { kind: string; status: number; retryAfter: string | null; text: string; ms: number }[] = [];
  const writeKeys: string[] = [];
  const outageEnds = performance.now() + OUTAGE_SECONDS * 1000;
  while (performance.now() < outageEnds) {
    const key = randomUUID();
    writeKeys.push(key);
    const calls: [string, () => Promise<Response>][] = [
      ['page nb', () => page('nb')],
      ['page en', () => page('en')],
      ['api read', apiList],
      ['api write', () => apiPayment(key)],
    ];
    for (const [kind, call] of calls) {
      const started = performance.now();
      const response = await call().catch(() => null);
      seen.push({
        kind,
        status: response?.status ?? 0,
        retryAfter: response?.headers.get('retry-after') ?? null,
        text: (await response?.text()) ?? '',
        ms: performance.now() - started,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  for (const kind of ['page nb', 'page en', 'api read', 'api write']) {
    const mine = seen.filter((s) => s.kind === kind);
    const slowest = Math.max(...mine.map((s) => s.ms));
    say(
      `${kind}: ${mine.length} requests, statuses ${JSON.stringify(countBy(mine.map((s) => s.status)))}, slowest ${slowest.toFixed(0)} ms`,
    );
  }
  const pages = seen.filter((s) => s.kind.startsWith('page'));
  check(
    pages.every((s) => s.status === 503 && s.retryAfter === '30'),
    'during: every page answered 503 with Retry-After: 30',
  );
  check(
    seen
      .filter((s) => s.kind === 'page nb')
      .every((s) => s.text.includes('Portalen er midlertidig utilgjengelig — arbeidet ditt er lagret')) &&
      seen.filter((s) => s.kind === 'page en').every((s) => s.text.includes('The portal is temporarily unavailable — your work is saved')),
    'during: the 503 page is translated (nb and en)',
  );
  const apiSeen = seen.filter((s) => s.kind.startsWith('api'));
  check(
    apiSeen.every((s) => s.status === 503 && s.retryAfter === '30' && s.text.includes('"/api/v1/problems/unavailable"')),
    'during: the API answered 503 problem documents (reads and writes)',
  );

  cluster.start();
  const restarted = performance.now();
  say('started PostgreSQL again');
  const pageBack = await until(async () => (await page('nb')).status === 200, 60_000);
  const apiBack = await until(async () => (await apiList()).status === 200, 60_000);
  check(
    pageBack !== null && apiBack !== null,
    `after: the page and the API answer 200 again, ${((performance.now() - restarted) / 1000).toFixed(1)} s after PostgreSQL's start, without restarting the portal`,
  );
  const paymentsAfter = (await executeRows<{ n: number }>(db, sql`select count(*)::int as n from ledger_entries`))[0]?.n ?? 0;
  check(
    paymentsAfter === paymentsBefore,
    `after: nothing from the ${writeKeys.length} refused API payments was booked (ledger rows ${paymentsBefore} → ${paymentsAfter})`,
  );
  const replay = await apiPayment(writeKeys[0] ?? randomUUID());
  check(replay.status === 201, `after: the client's retry of a refused write with the same Idempotency-Key is booked (${replay.status})`);

  // The portal's job worker: a job queued now runs without a restart (its connections died with the database).
  const [row] = await db
    .insert(outbox)
    .values({
      companyId: null,
      channel: 'email',
      recipient: 'etter-utfall@example.no',
      locale: 'nb',
      template: 'invitation',
      subject: 'Etter utfallet',
      bodyText: 'Hei',
      bodyHtml: '<p>Hei</p>',
      data: {},
    })
    .returning({ id: outbox.id });
  const sender = new PgBoss({
    connectionString: cluster.url('faults_portal'),
    schema: 'pgboss',
    supervise: false,
    schedule: false,
    migrate: false,
    max: 1,
  });
  await sender.start();
  await queueDeliveries(sender, 'email', [row?.id ?? ''], DEFAULT_RETRY);
  await sender.stop({ graceful: false, wait: true });
  const ran = await until(async () => (resend.delivered.get(`outbox/${row?.id}`) ?? 0) > 0, 90_000);
  check(
    ran !== null,
    `after: the portal's job worker resumed — an email job queued after the return was delivered by it in ${ran === null ? '—' : (ran / 1000).toFixed(1)} s`,
  );
}

// ─── 2. Providers failing for a while ────────────────────────────────────────────────────────────────────────────
async function providersDown(url: string, db: Database, resend: FlakyProvider, sms: FlakyProvider) {
  title("Email and SMS providers answering 500 for a while, then 200 (the portal's own worker and retry ladder)");
  const emailIds: string[] = [];
  for (let i = 0; i < 10; i++) {
    const [row] = await db
      .insert(outbox)
      .values({
        companyId: null,
        channel: 'email',
        recipient: `kunde${i}@example.no`,
        locale: 'nb',
        template: 'invitation',
        subject: `Melding ${i}`,
        bodyText: 'Hei',
        bodyHtml: '<p>Hei</p>',
        data: {},
      })
      .returning({ id: outbox.id });
    emailIds.push(row?.id ?? '');
  }
  const smsIds: string[] = [];
  for (let i = 0; i < 5; i++)
    smsIds.push(
      await enqueueSms(db, {
        recipient: `+47912345${String(i).padStart(2, '0')}`,
        locale: 'nb',
        template: 'sms_code',
        text: `${100000 + i} er koden din`,
      }),
    );
  resend.down();
  sms.down();
  const sender = new PgBoss({ connectionString: url, schema: 'pgboss', supervise: false, schedule: false, migrate: false, max: 1 });
  await sender.start();
  await queueDeliveries(sender, 'email', emailIds, DEFAULT_RETRY);
  await queueDeliveries(sender, 'sms', smsIds, SMS_RETRY);
  await sender.stop({ graceful: false, wait: true });
  const refused = (p: FlakyProvider) => new Set(p.attempts.filter((a) => a.status === 500).map((a) => a.key));
  const tried = await until(
    async () => emailIds.every((id) => refused(resend).has(`outbox/${id}`)) && smsIds.every((id) => refused(sms).has(`outbox/${id}`)),
    90_000,
  );
  say(
    `providers down: every message refused at least once (${resend.attempts.length} email and ${sms.attempts.length} SMS attempts answered 500)${tried === null ? ' — not all tried' : ''}`,
  );
  resend.up();
  sms.up();
  const allIds = [...emailIds, ...smsIds];
  const done = await until(
    async () =>
      (await db.select({ status: outbox.status }).from(outbox).where(inArray(outbox.id, allIds))).every((r) => r.status === 'sent'),
    240_000,
  );
  const attempts = await db.select({ attempts: outbox.attempts }).from(outbox).where(inArray(outbox.id, allIds));
  say(
    `providers up: all sent ${done === null ? '— not within 4 minutes' : `${(done / 1000).toFixed(1)} s later`}; attempts per message ${JSON.stringify(countBy(attempts.map((a) => a.attempts)))}`,
  );
  const once = (p: FlakyProvider, ids: string[]) => ids.every((id) => p.delivered.get(`outbox/${id}`) === 1);
  check(
    done !== null && once(resend, emailIds),
    `email (the real Resend client against the fake endpoint): ${emailIds.length} messages retried with backoff, each accepted exactly once`,
  );
  check(done !== null && once(sms, smsIds), `SMS: ${smsIds.length} messages retried, each accepted exactly once`);
  say('webhooks: the same retry and exactly-once delivery is shown by tests/integration/faults/provider-outage.test.ts');
}

// ─── 3. A deploy in the middle of the engine's run and of a settlement run ──────────────────────────────────────
function child(args: string[]) {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  // Its own process group: tsx's cli runs the program in a child process, and the kill must reach both.
  return spawn(process.execPath, [tsx, 'lib/cli/faults/engine-child.ts', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
}
function finish(run: ReturnType<typeof child>): Promise<string> {
  return new Promise((resolve) => {
    let out = '';
    run.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    run.on('exit', () => resolve(out.trim()));
  });
}

async function deployMidRun(cluster: Cluster) {
  title(`A deploy in the middle of the engine's run (${ENGINE_CASES} cases due for a letter) and of a settlement run`);
  await recreate(cluster, 'faults_engine');
  const url = cluster.url('faults_engine');
  const handle = openDatabase(url, { max: 4 });
  await migrateDatabase(handle);
  const { db } = handle;
  const company = '00000000-0000-0000-0000-00000000fa01';
  await db.execute(
    sql`insert into companies (id, name, organisation_number, payout_account_number) values (${company}, 'Feil AS', '123456785', '86011117947')`,
  );
  await db.execute(sql`insert into debtors (id, company_id, customer_number, kind, name, search_name)
    select md5('d' || i)::uuid, ${company}, 'K' || i, 'person'::debtor_kind, 'Skyldner ' || i, 'skyldner ' || i from generate_series(1, ${ENGINE_CASES}) i`);
  await db.execute(sql`insert into cases (id, company_id, debtor_id, kid, source, original_amount_ore, balance_ore, due_on)
    select md5('c' || i)::uuid, ${company}, md5('d' || i)::uuid, lpad(i::text, 12, '0'), 'import', 10000 + i * 7 % 5000000, 10000 + i * 7 % 5000000, date '2025-02-01' + (i % 28)
    from generate_series(1, ${ENGINE_CASES}) i`);
  await db.execute(
    sql`insert into invoices (company_id, case_id, invoice_number, issued_on, due_on, amount_ore) select company_id, id, 'F-' || case_number, due_on, due_on, original_amount_ore from cases`,
  );
  await db.execute(
    sql`insert into ledger_entries (company_id, case_id, kind, amount_ore, booked_on) select company_id, id, 'principal', original_amount_ore, due_on from cases`,
  );
  await db.execute(sql`analyze`);
  const now = '2025-03-15T10:00:00Z';
  const letters = async () =>
    (
      await executeRows<{ n: number; cases: number }>(
        db,
        sql`select count(*)::int as n, count(distinct (case_id, kind, sent_on))::int as cases from letters`,
      )
    )[0] ?? { n: 0, cases: 0 };

  const first = child(['engine', url, now]);
  const firstDone = finish(first);
  await until(async () => (await letters()).n > 0, 120_000);
  await until(async () => (await letters()).n >= ENGINE_CASES / 4, 120_000);
  if (first.pid) process.kill(-first.pid, 'SIGKILL');
  await firstDone;
  const atKill = await letters();
  say(`killed the engine's process (SIGKILL) after ${atKill.n} letters; a new instance runs the engine again`);
  const second = JSON.parse((await finish(child(['engine', url, now]))) || '{}') as { letters?: number; errors?: number };
  const third = JSON.parse((await finish(child(['engine', url, now]))) || '{}') as { letters?: number };
  const after = await letters();
  say(`the rerun wrote ${second.letters} letters (${second.errors} errors), a third run the same day ${third.letters}`);
  check(
    after.n === ENGINE_CASES && after.cases === ENGINE_CASES,
    `engine: ${after.n} letters for ${ENGINE_CASES} due cases — one per case and step, none lost, none twice`,
  );
  const fees =
    (await executeRows<{ n: number }>(db, sql`select count(*)::int as n from ledger_entries where kind <> 'principal'`))[0]?.n ?? 0;
  say(`fee/interest ledger rows after the runs: ${fees}`);
  await handle.close();
}

async function settlementsTwice(url: string, db: Database) {
  // A debtor payment today on one open case per company (an OCR file's line), so that each has something to settle.
  const today = new Date();
  const cutOff = today.toISOString().slice(0, 10);
  const open = await executeRows<{ company_id: string; kid: string }>(
    db,
    sql`select distinct on (company_id) company_id::text, kid from cases where status = 'active' and balance_ore > 100000 order by company_id, case_number`,
  );
  for (const row of open) {
    await db.transaction((tx) =>
      receiveDebtorPayment(
        tx,
        null,
        { paidOn: cutOff, kid: row.kid, amountOre: 50_000, payer: 'Kari Nordmann', bankReference: `FAULT-${randomUUID().slice(0, 12)}` },
        'ocr',
      ),
    );
  }
  // Two instances start the same settlement at once (the old one still running while the new one starts).
  const runs = await Promise.all([
    finish(child(['settlement', url, cutOff, today.toISOString()])),
    finish(child(['settlement', url, cutOff, today.toISOString()])),
  ]);
  const slips = await executeRows<{ company_id: string; n: number }>(
    db,
    sql`select company_id, count(*)::int as n from remittance_slips where period_end_on = ${cutOff} group by company_id`,
  );
  say(
    `${open.length} debtor payments received today; two settlement runs for the cut-off ${cutOff} at once: outcomes ${runs.map((r) => JSON.stringify(countBy(Object.values(JSON.parse(r || '{}') as Record<string, string>)))).join(' and ')}`,
  );
  check(
    slips.length === open.length && slips.every((s) => s.n === 1),
    `settlement: ${slips.length} of ${open.length} companies with a slip for ${cutOff}, each exactly one`,
  );
}

// ─── 4. Backup while serving and writing, restored into a fresh database ────────────────────────────────────────
async function backupAndRestore(cluster: Cluster, portal: Portal, db: Database) {
  title('pg_dump while the portal serves and writes; restored into a fresh database and compared');
  const [invoice] = await executeRows<{ invoice_number: string }>(
    db,
    sql`select i.invoice_number from invoices i join cases c on c.id = i.case_id where c.company_id = ${DEMO_API_KEY_COMPANY_ID} and c.status = 'active' and c.balance_ore > 1000000 order by i.invoice_number desc limit 1`,
  );
  let writing = true;
  let written = 0;
  const writer = (async () => {
    while (writing) {
      const response = await fetch(`${portal.baseUrl}/api/v1/payments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ invoiceNumber: invoice?.invoice_number, amountOre: 100, paidOn: new Date().toISOString().slice(0, 10) }),
      });
      if (response.status === 201) written += 1;
    }
  })();
  await until(async () => written >= 3, 30_000);
  const file = path.join(os.tmpdir(), `faults-backup-${process.pid}.dump`);
  const started = performance.now();
  const dump = spawnSync(postgresBinary('pg_dump'), ['-Fc', '-f', file, cluster.url('faults_portal')], { encoding: 'utf8' });
  const atDump = written;
  // Writes go on after the snapshot too: the copy must lack exactly those.
  await until(async () => written >= atDump + 3, 30_000);
  say(
    `pg_dump -Fc took ${((performance.now() - started) / 1000).toFixed(1)} s while the writer booked API payments (${atDump} when it ended, ${written} in all)`,
  );
  writing = false;
  await writer;
  check(dump.status === 0, `pg_dump succeeded under writes${dump.status === 0 ? '' : `: ${dump.stderr}`}`);
  await recreate(cluster, 'faults_restored');
  const restore = spawnSync(postgresBinary('pg_restore'), ['--no-owner', '-d', cluster.url('faults_restored'), file], { encoding: 'utf8' });
  check(
    restore.status === 0,
    `pg_restore into the fresh database faults_restored${restore.status === 0 ? '' : `: ${restore.stderr.slice(0, 400)}`}`,
  );

  const restored = openDatabase(cluster.url('faults_restored'), { max: 2 });
  const tables = [
    'companies',
    'users',
    'cases',
    'invoices',
    'ledger_entries',
    'api_idempotency',
    'events',
    'letters',
    'remittance_slips',
    'outbox',
  ];
  const counts = async (target: Database) =>
    Object.fromEntries(
      await Promise.all(
        tables.map(
          async (t) => [t, (await executeRows<{ n: number }>(target, sql.raw(`select count(*)::int as n from ${t}`)))[0]?.n ?? 0] as const,
        ),
      ),
    );
  const live = await counts(db);
  const copy = await counts(restored.db);
  console.log(`      ${'table'.padEnd(18)} ${'live now'.padStart(10)} ${'restored'.padStart(10)}`);
  for (const t of tables) console.log(`      ${t.padEnd(18)} ${String(live[t]).padStart(10)} ${String(copy[t]).padStart(10)}`);
  const balances = async (target: Database) =>
    (
      await executeRows<{ cases: number; cached: number; ledger: number; off: number }>(
        target,
        sql`select count(*)::int as cases, coalesce(sum(c.balance_ore), 0)::bigint::float8 as cached, coalesce(sum(l.total), 0)::bigint::float8 as ledger,
            count(*) filter (where c.balance_ore <> coalesce(l.total, 0))::int as off
          from cases c left join (select case_id, sum(amount_ore) as total from ledger_entries group by case_id) l on l.case_id = c.id`,
      )
    )[0];
  const liveBalance = await balances(db);
  const copyBalance = await balances(restored.db);
  say(`balances live: ${JSON.stringify(liveBalance)}; restored: ${JSON.stringify(copyBalance)}`);
  // Every API payment of the writer stores its Idempotency-Key: the rows the copy lacks were booked after the snapshot.
  const paymentsAfterDump = (live.api_idempotency ?? 0) - (copy.api_idempotency ?? 0);
  check(
    copy.cases === live.cases && copy.companies === live.companies && copy.users === live.users,
    'restored: the same companies, users and cases as the live database',
  );
  check(copyBalance?.off === 0, 'restored: every case balance equals the sum of its ledger rows (the dump is one consistent snapshot)');
  check(
    paymentsAfterDump >= 0 && (liveBalance?.cached ?? 0) === (copyBalance?.cached ?? 0) - paymentsAfterDump * 100,
    `restored: the balances differ from the live ones by exactly the ${paymentsAfterDump} payments of 100 øre booked after the dump began`,
  );
  // The restored copy serves: the portal on it shows the same case list.
  const servedPort = PORT_BASE + 13;
  const copyPortal = await startPortal(
    { ...secrets, DATABASE_URL: cluster.url('faults_restored'), PORTAL_DEMO: '1', JOBS_DISABLED: '1' },
    { port: servedPort },
  );
  try {
    const cookie = await sessionCookieFor(restored.db, 'admin@demo.no', secrets.AUTH_SECRET);
    const [someCase] = await executeRows<{ id: string }>(
      restored.db,
      sql`select id from cases where company_id = ${DEMO_API_KEY_COMPANY_ID} order by case_number limit 1`,
    );
    const list = await fetch(`${copyPortal.baseUrl}/nb/cases`, { headers: { cookie }, redirect: 'manual' });
    const history = await fetch(`${copyPortal.baseUrl}/nb/cases/${someCase?.id}?tab=history`, { headers: { cookie }, redirect: 'manual' });
    check(
      list.status === 200 && history.status === 200,
      `restored: a portal on the copy serves the case list (${list.status}) and a case's history (${history.status})`,
    );
  } finally {
    copyPortal.stop();
    await restored.close();
  }
}

// ─── main ─────────────────────────────────────────────────────────────────────────────────────────────────────────
const cluster = ownCluster(path.resolve(process.env.FAULTS_PG_DIR ?? '.data/faults-pg'), PORT_BASE + 10);
cluster.start();
say(`own PostgreSQL cluster in ${cluster.dir} on port ${cluster.port}`);
await recreate(cluster, 'faults_portal');
const portalUrl = cluster.url('faults_portal');
const setup = openDatabase(portalUrl, { max: 4 });
await migrateDatabase(setup);
await seedDemo(setup.db);
await ensureDemoApiKey(setup.db);
const { db } = setup;
if (needsBuild() && !process.argv.includes('--skip-build')) {
  say('building the portal (next build) …');
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: process.env });
  if (build.status !== 0) process.exit(1);
}
const resend = await startFlakyProvider(PORT_BASE + 12);
const sms = await startFlakyProvider(PORT_BASE + 14);
process.env.RESEND_BASE_URL = resend.url;
const portal = await startPortal(
  {
    ...secrets,
    DATABASE_URL: portalUrl,
    PORTAL_DEMO: '1',
    RESEND_API_KEY: 're_faults_check',
    RESEND_BASE_URL: resend.url,
    SMS_API_URL: `${sms.url}/send`,
    SMS_API_TOKEN: 'token',
  },
  { port: PORT_BASE + 11 },
);
say(`portal (built, lib/cli/serve.ts) on ${portal.baseUrl}; fake Resend on ${resend.url}; fake SMS gateway on ${sms.url}`);
try {
  const cookie = await sessionCookieFor(db, 'admin@demo.no', secrets.AUTH_SECRET);
  await databaseOutage(cluster, portal, db, cookie, resend);
  await providersDown(portalUrl, db, resend, sms);
  await deployMidRun(cluster);
  await settlementsTwice(portalUrl, db);
  await backupAndRestore(cluster, portal, db);
} catch (error) {
  failures += 1;
  console.log(`FAIL  the check stopped: ${error instanceof Error ? error.stack : String(error)}`);
} finally {
  portal.stop();
  await resend.close();
  await sms.close();
  await setup.close();
  if (!process.argv.includes('--keep-cluster')) cluster.stop();
}
console.log(`\n${failures === 0 ? 'All fault checks passed.' : `${failures} fault check(s) failed.`}`);
process.exit(failures === 0 ? 0 : 1);
