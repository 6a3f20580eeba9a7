import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { executeRows } from '@/db/client';
import { DEMO_API_KEY, DEMO_API_KEY_COMPANY_ID } from '@/lib/demo/accounts';
import { ensureDemoApiKey } from '@/lib/demo/api-key';
import { MAX_EXPORT_ROWS } from '@/lib/case-list/schemas';
import { prepareBenchDatabase } from './bench/database';
import { quantile } from './bench/load';
import { serverMemory } from './bench/server';
import { needsBuild } from './build-state';
import { SERVER_HEAP_MB, servedProcessEnv } from './heap-limit';
import { startHaproxy } from './scale/infra';
import { startInstance, stopInstance, type Instance } from './scale/instances';
import { sessionCookieFor } from './session-cookie';

// npm run bench:load [-- --duration 180 --users 50 --cases 1000000 --database portal_bench --pool 10]
// A mixed workload from `users` virtual users against two built instances behind HAProxy (round robin), on
// bench:cases' database (reused when it holds enough cases): 60 % case list and searches, 20 % case pages and
// history, 10 % Innsikt and Rapporter, 10 % writes (pause/resume, payments with Idempotency-Key, invoice posts,
// all through /api/v1). Prints per route p50/p95/p99 and errors, throughput, each instance's RSS over time and
// the PostgreSQL connections in use. Ports: BENCH_PORT_BASE+20 (HAProxy), +21 and +22 (the instances).

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const textOption = (name: string, fallback: string) =>
  args.includes(`--${name}`) ? String(args[args.indexOf(`--${name}`) + 1]) : fallback;
const DURATION_S = option('duration', 180);
const USERS = option('users', 50);
const CASES = option('cases', 1_000_000);
const DATABASE = textOption('database', 'portal_bench');
const POOL = option('pool', 10);
// The served processes' V8 heap limit (0: V8's own, a quarter of the machine's memory); see lib/cli/heap-limit.ts.
const HEAP_MB = option('heap-mb', SERVER_HEAP_MB);
// A folder: each instance writes a heap snapshot after the warm-up and one at the end (lib/cli/bench/heap-summary.ts).
const SNAPSHOTS = args.includes('--heap-snapshots') ? path.resolve(textOption('heap-snapshots', '.')) : null;
const WARM_UP_S = 20;
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 4400);
const log = (line: string) => console.log(line);
// The machine is shared: its load average goes beside the numbers.
const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(', ');

const secrets = { AUTH_SECRET: randomBytes(32).toString('hex'), ENCRYPTION_KEY: randomBytes(32).toString('hex') };
const { url, handle } = await prepareBenchDatabase(SERVER, DATABASE, CASES, true, log);
const db = handle.db;
await ensureDemoApiKey(db);
const sample = await executeRows<{ id: string; case_number: string }>(
  db,
  sql`select id::text, case_number::text from cases order by random() limit 500`,
);
// The API company's open cases with room for many 1-krone payments; a virtual user pauses and resumes its own
// case (users beyond the number of such cases post payments instead, so no two users toggle the same case).
const apiCases = await executeRows<{ case_number: string; invoice_number: string }>(
  db,
  // One row per case (a case with two invoices would otherwise be toggled by two users: a 409 for one of them).
  sql`select distinct on (c.case_number) c.case_number::text, i.invoice_number from cases c join invoices i on i.case_id = c.id
      where c.company_id = ${DEMO_API_KEY_COMPANY_ID} and c.status = 'active' and c.balance_ore > 50000
      order by c.case_number, i.invoice_number limit ${USERS}`,
);
if (apiCases.length === 0) throw new Error('the API company has no open case with a balance to write to');
const names = ['kari nordmann', 'Bjørn Bjørnstad', 'Åse Lærum', 'ståle østby', 'Vik Bygg', 'haugen', 'tveit'];
const cookies = await Promise.all(
  Array.from({ length: USERS }, () => sessionCookieFor(db, 'admin@demo.no', secrets.AUTH_SECRET, { userAgent: 'bench-load' })),
);

if (needsBuild() && !args.includes('--skip-build')) {
  log('Building the portal (next build) …');
  if (spawnSync('npx', ['next', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
}

const instanceEnv = {
  ...secrets,
  DATABASE_URL: url,
  PORTAL_DEMO: '1',
  DATABASE_POOL_MAX: String(POOL),
  // Every write is a real API call: the per-key limit (120/min by default) would refuse the benchmark itself.
  API_RATE_LIMIT_PER_MINUTE: '100000',
  TRUSTED_PROXY_HOPS: '1',
  ...servedProcessEnv(HEAP_MB, SNAPSHOTS ? `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${SNAPSHOTS}` : ''),
};
if (SNAPSHOTS) mkdirSync(SNAPSHOTS, { recursive: true });
const ports = [PORT_BASE + 21, PORT_BASE + 22];
// One after the other: two instances starting at once on a database without pg-boss's schema deadlock (40P01) in
// pg-boss's install and queue creation, and Next retries the failed start on every request.
const instances: Instance[] = [];
for (const [i, port] of ports.entries()) instances.push(await startInstance(`load-${i + 1}`, port, instanceEnv));
const root = path.join(os.tmpdir(), `bench-load-${process.pid}`);
mkdirSync(root, { recursive: true });
const haproxy = startHaproxy(root, PORT_BASE + 20, ports, POOL + 4);
const base = `http://127.0.0.1:${PORT_BASE + 20}`;
for (let i = 0; i < 100 && (await fetch(`${base}/api/health`).catch(() => null))?.status !== 200; i++)
  await new Promise((r) => setTimeout(r, 200));

type Sample = { route: string; ms: number; status: number; ok: boolean };
const samples: Sample[] = [];
// The first answers of each unexpected kind, as they came: who answered (HAProxy's own page or the portal's) and why.
const failures = new Map<string, string>();
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;
const api = { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' };
const today = new Date().toISOString().slice(0, 10);

async function timed(route: string, request: () => Promise<Response>, expected: number[] = [200]) {
  const began = performance.now();
  let status = 0;
  let seen = '';
  try {
    const response = await request();
    const body = await response.text();
    status = response.status;
    if (!expected.includes(status)) {
      const headers = ['content-type', 'retry-after', 'server'].map((name) => `${name}: ${response.headers.get(name) ?? '-'}`);
      seen = `${headers.join('; ')}; body: ${body.replace(/\s+/g, ' ').slice(0, 240)}`;
    }
  } catch (error) {
    status = 0;
    seen = String(error);
  }
  const ms = performance.now() - began;
  samples.push({ route, ms, status, ok: expected.includes(status) });
  const kind = `${route} ${status}`;
  if (seen && !failures.has(kind))
    failures.set(kind, `after ${ms.toFixed(0)} ms at ${((performance.now() - started) / 1000).toFixed(0)} s; ${seen}`);
}

function virtualUser(index: number) {
  const cookie = cookies[index] ?? '';
  const page = (route: string, target: string) =>
    timed(route, () => fetch(`${base}${target}`, { headers: { cookie }, redirect: 'manual' }));
  const own = apiCases[index];
  const payTo = apiCases[index % apiCases.length] as { case_number: string; invoice_number: string };
  let paused = false;
  let posted = 0;
  return async () => {
    const roll = Math.random() * 100;
    if (roll < 30) return page('list', '/nb/cases');
    if (roll < 40) return page('list filtered', '/nb/cases?status=active');
    if (roll < 50) return page('search name', `/nb/cases?q=${encodeURIComponent(pick(names))}`);
    if (roll < 60) return page('search case number', `/nb/cases?q=${pick(sample).case_number}`);
    if (roll < 70) return page('case page', `/nb/cases/${pick(sample).id}`);
    if (roll < 80) return page('case history', `/nb/cases/${pick(sample).id}?tab=history`);
    if (roll < 85) return page('Innsikt', '/nb/insights');
    if (roll < 90) return page('Rapporter', '/nb/reports');
    if (roll < 94 && own) {
      const action = paused ? 'resume' : 'pause';
      paused = !paused;
      return timed('api pause/resume', () =>
        fetch(`${base}/api/v1/cases/${own.case_number}/${action}`, {
          method: 'POST',
          headers: { ...api, 'idempotency-key': randomUUID() },
          body: '{}',
        }),
      );
    }
    if (roll < 97) {
      return timed(
        'api payment',
        () =>
          fetch(`${base}/api/v1/payments`, {
            method: 'POST',
            headers: { ...api, 'idempotency-key': randomUUID() },
            body: JSON.stringify({ invoiceNumber: payTo.invoice_number, amountOre: 100, paidOn: today }),
          }),
        [200, 201],
      );
    }
    posted += 1;
    const invoiceNumber = `LOAD-${process.pid}-${index}-${posted}`;
    const body = {
      customer: {
        customerNumber: `LOAD-${index}-${posted}`,
        kind: 'company',
        name: `Lastprøve ${index} AS`,
        organisationNumber: '123456785',
        addressLine: 'Storgata 1',
        postcode: '0155',
        city: 'Oslo',
      },
      invoice: { invoiceNumber, issuedOn: today, dueOn: today, amountOre: 125_000 },
    };
    return timed(
      'api invoice post',
      () =>
        fetch(`${base}/api/v1/invoices`, {
          method: 'POST',
          headers: { ...api, 'idempotency-key': randomUUID() },
          body: JSON.stringify(body),
        }),
      [200, 201, 202],
    );
  };
}

// RSS of each instance and PostgreSQL connections by application, every 5 s.
let started = performance.now();
const memory: { at: number; requests: number; rss: number[] }[] = [];
const connections: { at: number; byApp: Record<string, number> }[] = [];
const sampler = setInterval(() => {
  const at = (performance.now() - started) / 1000;
  memory.push({ at, requests: samples.length, rss: instances.map((instance) => serverMemory(instance.child.pid ?? 0).rssMb) });
  void executeRows<{ app: string; n: number }>(
    db,
    sql`select application_name as app, count(*)::int as n from pg_stat_activity where datname = ${DATABASE} group by 1`,
  ).then((rows) => connections.push({ at, byApp: Object.fromEntries(rows.map((row) => [row.app || '(none)', row.n])) }));
}, 5_000);

log(
  `\nLoad: ${USERS} virtual users for ${DURATION_S} s against ${base} (HAProxy → ${ports.join(', ')}), pool ${POOL} per instance, heap limit ${HEAP_MB ? `${HEAP_MB} MB` : "V8's default"}; load average ${loadAverage()}`,
);
started = performance.now();
const ends = started + DURATION_S * 1000;
const snapshot = (label: string) => {
  if (!SNAPSHOTS) return;
  log(`  heap snapshots (${label}) requested at ${((performance.now() - started) / 1000).toFixed(0)} s`);
  for (const instance of instances) if (instance.child.pid) process.kill(instance.child.pid, 'SIGUSR2');
};
const warmedUp = setTimeout(() => snapshot('after the warm-up'), WARM_UP_S * 1000);
await Promise.all(
  Array.from({ length: USERS }, async (_, index) => {
    const next = virtualUser(index);
    while (performance.now() < ends) await next();
  }),
);
const wallS = (performance.now() - started) / 1000;
clearTimeout(warmedUp);
clearInterval(sampler);
const loadAtEnd = loadAverage();
snapshot('at the end');
// A snapshot blocks its process while it is written: the instance answers again once it is done.
if (SNAPSHOTS) await Promise.all(instances.map((instance) => fetch(`${instance.base}/api/health`)));
const exported = await exportAfterLoad();

const routes = [...new Set(samples.map((s) => s.route))];
log(`\n| route | requests | p50 ms | p95 ms | p99 ms | errors |`);
log(`|---|---|---|---|---|---|`);
for (const route of routes) {
  const mine = samples.filter((s) => s.route === route);
  const sorted = mine.map((s) => s.ms).sort((a, b) => a - b);
  const errors = mine.filter((s) => !s.ok);
  const byStatus = errors.length ? ` (${[...new Set(errors.map((e) => e.status))].join(', ')})` : '';
  log(
    `| ${route} | ${mine.length} | ${quantile(sorted, 0.5).toFixed(0)} | ${quantile(sorted, 0.95).toFixed(0)} | ${quantile(sorted, 0.99).toFixed(0)} | ${errors.length}${byStatus} |`,
  );
}
const errors = samples.filter((s) => !s.ok).length;
log(
  `\nTotal ${samples.length} requests in ${wallS.toFixed(0)} s: ${(samples.length / wallS).toFixed(1)} req/s, ${errors} errors${errors ? ' (FAIL: must be 0)' : ''}; load average at the end ${loadAtEnd}`,
);
for (const [kind, seen] of failures) log(`  first ${kind}: ${seen}`);
log(`\nRSS per instance over time (MB), with the requests answered so far:`);
for (const point of memory.filter((_, i) => i % 3 === 0 || i === memory.length - 1))
  log(
    `  ${point.at.toFixed(0).padStart(4)} s  ${String(point.requests).padStart(6)} req  ${point.rss.map((r) => r.toFixed(0).padStart(5)).join('  ')}`,
  );
log(
  `\nExport of ${exported.rows.toLocaleString('en')} rows right after the load, from ${instances[0]?.name}: HTTP ${exported.status}, ${(exported.bytes / 1e6).toFixed(1)} MB in ${(exported.ms / 1000).toFixed(1)} s; RSS ${exported.before.toFixed(0)} MB before, peak ${exported.peak.toFixed(0)} MB${exported.peak < 350 ? '' : ' (over 350 MB)'}`,
);
log(`\nPostgreSQL connections in use (pg_stat_activity on ${DATABASE}), max per application over the run:`);
const maxByApp: Record<string, number> = {};
for (const point of connections) for (const [app, n] of Object.entries(point.byApp)) maxByApp[app] = Math.max(maxByApp[app] ?? 0, n);
for (const [app, n] of Object.entries(maxByApp).sort()) log(`  ${app.padEnd(24)} ${n}`);
log(`  (bounded: each instance's pool is ${POOL}, pg-boss 3 more; total ≤ ${instances.length} × ${POOL + 3} + the benchmark's own)`);

/** The case export of the newest days holding at most MAX_EXPORT_ROWS cases, straight to the first instance, its RSS sampled every 100 ms. */
async function exportAfterLoad() {
  const days = await executeRows<{ day: string; n: number }>(
    db,
    sql`select to_char((registered_at at time zone 'Europe/Oslo')::date, 'YYYY-MM-DD') as day, count(*)::int as n
        from cases group by 1 order by 1 desc`,
  );
  let rows = 0;
  let from = days[0]?.day ?? today;
  for (const day of days) {
    if (rows + day.n > MAX_EXPORT_ROWS) break;
    rows += day.n;
    from = day.day;
  }
  const first = instances[0] as (typeof instances)[number];
  const rssNow = () => serverMemory(first.child.pid ?? 0).rssMb;
  const before = rssNow();
  let peak = before;
  const watch = setInterval(() => (peak = Math.max(peak, rssNow())), 100);
  const began = performance.now();
  const response = await fetch(`${first.base}/api/cases/export?${new URLSearchParams({ locale: 'nb', from })}`, {
    headers: { cookie: cookies[0] ?? '' },
    redirect: 'manual',
  });
  const bytes = (await response.arrayBuffer()).byteLength;
  clearInterval(watch);
  return { rows, status: response.status, bytes, ms: performance.now() - began, before, peak: Math.max(peak, rssNow()) };
}

haproxy.kill('SIGTERM');
await Promise.all(instances.map((instance) => stopInstance(instance, 'SIGTERM')));
await handle.close();
process.exit(errors === 0 && exported.status === 200 ? 0 : 1);
