import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { executeRows } from '@/db/client';
import { caseCountSql, caseListPageSql } from '@/lib/case-list/sql';
import { caseFiguresSql, collectedByMonthSql } from '@/lib/insights/sql';
import { MAX_EXPORT_ROWS, PAGE_SIZE, decodeCursor, parseCaseListParams, type Cursor, type RawSearchParams } from '@/lib/case-list/schemas';
import { DIST_DIR, needsBuild } from './build-state';
import { prepareBenchDatabase, timeSql } from './bench/database';
import { quantile, runLoad, timedGet, type Summary } from './bench/load';
import { sessionCookieFor } from './session-cookie';
import { firstLoadJsKb } from './bench/first-load';
import { pagePayload, payloadLines } from './bench/payload';
import { serverCpuMs, serverMemory } from './bench/server';
import { startPortal, type Portal } from './portal-process';

// `npm run bench:cases [-- --cases N --requests R --clients C --processes P --reuse --keep --out FILE]`: see printUsage().

function printUsage() {
  console.log(`bench:cases: seeds a separate database (default portal_bench) with the demo plus N bulk cases, starts
next start on it, signs in admin@demo.no (a session row and its Auth.js cookie), then measures the case list,
searches, the case page, its history tab, Innsikt and Rapporter and a ${MAX_EXPORT_ROWS.toLocaleString('en')}-row export with C concurrent
clients sending R requests each, the pages' HTML and inline RSC bytes against their budgets (a page past one is a
FAILED line and the exit code is 1), the case page beside an export, and times the SQL directly in PostgreSQL.
  --cases N        bulk cases (default 1000000)      --requests R   per client per scenario (default 30)
  --clients C      concurrent clients (default 10)   --database D   database name (default portal_bench)
  --reuse          keep an existing database D with at least N cases instead of seeding again
  --keep           do not drop the database at the end   --out FILE   also write the report to FILE
  --seed-only      prepare (or reuse) the database, keep it and stop: seed once, then measure with --reuse
  --processes P    server processes sharing the port (lib/cli/serve.ts, Node's cluster module; default 1)
  --export-only    only the export: its time against its SQL, the server's memory, the case page beside it
Server: NEXT_DIST_DIR selects the build folder (built first when the sources changed).`);
}

function option(args: string[], name: string): string | undefined {
  const index = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index === -1) return undefined;
  const arg = args[index] ?? '';
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
}

function count(args: string[], name: string, fallback: number): number {
  const raw = option(args, name);
  const value = raw === undefined ? fallback : Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} needs a positive whole number, got "${raw}"`);
  return value;
}

const args = process.argv.slice(2);
if (args.includes('--help')) {
  printUsage();
  process.exit(0);
}
const CASES = count(args, 'cases', 1_000_000);
const REQUESTS = count(args, 'requests', 30);
const CLIENTS = count(args, 'clients', 10);
const DATABASE = option(args, 'database') ?? 'portal_bench';
const PROCESSES = count(args, 'processes', 1);
const OUT = option(args, 'out');
const EXPORT_ONLY = args.includes('--export-only');
const SERVER = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// The bench's own secrets, shared with the server it starts (the session cookie is sealed with AUTH_SECRET).
const AUTH_SECRET = process.env.AUTH_SECRET ?? randomBytes(32).toString('hex');
const ENCRYPTION_KEY = process.env.ENCRYPTION_KEY ?? randomBytes(32).toString('hex');
Object.assign(process.env, { AUTH_SECRET, ENCRYPTION_KEY });

const report: string[] = [];
function log(line = '') {
  console.log(line);
  report.push(line);
}

type Scenario = { name: string; url: () => string; signedIn?: boolean };

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1).padStart(8) : '       -');
function formatScenario(
  name: string,
  summary: Summary,
  cpuPerRequest: number,
  floor: { summary: Summary; cpuPerRequest: number } | undefined,
): string {
  const statuses = Object.entries(summary.statuses)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
  const cpuRatio = floor ? (cpuPerRequest / floor.cpuPerRequest).toFixed(2) : '1.00';
  const rpsRatio = floor ? (summary.rps / floor.summary.rps).toFixed(2) : '1.00';
  return `${name.padEnd(44)} ${ms(summary.p50)} ${ms(summary.p95)} ${ms(summary.max)} ${summary.rps.toFixed(1).padStart(7)} ${cpuPerRequest.toFixed(1).padStart(11)} ${cpuRatio.padStart(11)} ${rpsRatio.padStart(12)}  ${statuses}`;
}

function isoDay(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

async function main() {
  log(
    `bench:cases ${new Date().toISOString()} · ${os.cpus().length} CPUs · Node ${process.version} · build ${DIST_DIR} · ${PROCESSES} server process${PROCESSES > 1 ? 'es' : ''}`,
  );
  const { url, handle } = await prepareBenchDatabase(SERVER, DATABASE, CASES, args.includes('--reuse'), log);
  const db = handle.db;
  if (args.includes('--seed-only')) {
    await handle.close();
    return;
  }
  const companyIds = (
    await executeRows<{ id: string }>(
      db,
      sql`select m.company_id::text as id from memberships m join users u on u.id = m.user_id where u.email = 'admin@demo.no'`,
    )
  ).map((row) => row.id);
  const [{ total } = { total: 0 }] = await executeRows<{ total: number }>(db, sql`select count(*)::int as total from cases`);
  const sample = await executeRows<{ id: string; case_number: string }>(
    db,
    sql`select id::text, case_number::text from cases order by random() limit 200`,
  );
  // Demo cases with the work the other pages add: tasks on the Oversikt tab and engine letters in Historikk.
  const worked = await executeRows<{ id: string }>(
    db,
    sql`select c.id::text from cases c
    where exists (select 1 from tasks t where t.case_id = c.id) and exists (select 1 from letters l where l.case_id = c.id) limit 50`,
  );
  const names = ['kari nordmann', 'Bjørn Bjørnstad', 'Åse Lærum', 'ståle østby', 'Vik Bygg', 'torbjorn solberg'];
  const lastNames = ['bjornstad', 'Lærum', 'haugen', 'Østby', 'tveit'];
  const window = { from: isoDay(200), to: isoDay(170) };
  const depth = Math.min(500_000, Math.floor(total / 2));
  const [deep] = await executeRows<{ cursor: string }>(
    db,
    sql`select to_char(registered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '_' || id as cursor
    from cases order by registered_at desc, id asc offset ${depth} limit 1`,
  );
  // The export's date range: the newest days that together hold at most MAX_EXPORT_ROWS cases.
  const days = await executeRows<{ day: string; n: number }>(
    db,
    sql`select to_char((registered_at at time zone 'Europe/Oslo')::date, 'YYYY-MM-DD') as day,
    count(*)::int as n from cases group by 1 order by 1 desc`,
  );
  let exportRows = 0;
  let exportFrom = days[days.length - 1]?.day ?? isoDay(0);
  for (const day of days) {
    if (exportRows + day.n > MAX_EXPORT_ROWS) break;
    exportRows += day.n;
    exportFrom = day.day;
  }
  log(`${total.toLocaleString('en')} cases; admin@demo.no sees ${companyIds.length} companies.`);

  if (needsBuild()) {
    const started = performance.now();
    const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } });
    if (build.status !== 0) throw new Error('next build failed');
    log(`next build in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  }
  const serverEnv = {
    DATABASE_URL: url,
    AUTH_SECRET,
    ENCRYPTION_KEY,
    JOBS_DISABLED: '1',
    NODE_ENV: 'production',
    BENCH_FLOOR: '1',
    PORTAL_DEMO: '1',
    SERVE_PROCESSES: String(PROCESSES),
  };
  // PORTAL_DEMO: plain http:// on 127.0.0.1 (production mode would otherwise expect HTTPS-only session cookies).
  let portal = await startPortal(serverEnv);
  try {
    const cookie = await sessionCookieFor(db, 'admin@demo.no', AUTH_SECRET, { userAgent: 'bench:cases' });
    const probe = await timedGet(`${portal.baseUrl}/nb/cases`, cookie);
    if (probe.status !== 200) throw new Error(`signed-in GET /nb/cases answered ${probe.status}`);
    const list = (query: Record<string, string>) => `${portal.baseUrl}/nb/cases?${new URLSearchParams(query).toString()}`;
    const floor: Scenario = { name: 'FLOOR: bare dynamic page, 50-row table', url: () => `${portal.baseUrl}/bench-floor`, signedIn: false };
    const scenarios: Scenario[] = [
      floor,
      { name: 'sign-in page (signed out)', url: () => `${portal.baseUrl}/nb/login`, signedIn: false },
      { name: 'list, unfiltered (all 3 companies)', url: () => list({}) },
      { name: 'list, Aktiv + 30-day date range', url: () => list({ status: 'active', ...window }) },
      {
        name: `list, page at depth ${depth.toLocaleString('en')} (cursor)`,
        url: () => list({ after: deep?.cursor ?? '', page: String(depth / PAGE_SIZE + 1) }),
      },
      { name: 'search, case number', url: () => list({ q: pick(sample).case_number }) },
      { name: 'search, debtor full name', url: () => list({ q: pick(names) }) },
      { name: 'search, debtor last name (~3 % of cases)', url: () => list({ q: pick(lastNames) }) },
      { name: 'case page /cases/<id>', url: () => `${portal.baseUrl}/nb/cases/${pick(sample).id}` },
      { name: 'case history tab ?tab=history', url: () => `${portal.baseUrl}/nb/cases/${pick(sample).id}?tab=history` },
      ...(worked.length > 0
        ? [{ name: 'case page with tasks and letters (demo)', url: () => `${portal.baseUrl}/nb/cases/${pick(worked).id}` }]
        : []),
      { name: 'Innsikt /insights (key figures)', url: () => `${portal.baseUrl}/nb/insights` },
      { name: 'Rapporter /reports', url: () => `${portal.baseUrl}/nb/reports` },
      { ...floor, name: 'FLOOR again (drift during the run)' },
    ];
    const cookieFor = (scenario: Scenario) => (scenario.signedIn === false ? '' : cookie);
    // --export-only: the export's figures alone (its time, memory, the case page beside it), without the page runs.
    if (!EXPORT_ONLY) {
      for (const scenario of scenarios) for (let i = 0; i < 3; i++) await timedGet(scenario.url(), cookieFor(scenario));
      const floorJs = await firstLoadJsKb(floor.url(), '');
      const listJs = await firstLoadJsKb(list({}), cookie);
      log(
        `first-load JS (gzip): floor ${floorJs.toFixed(1)} KB, case list ${listJs.toFixed(1)} KB (+${(listJs - floorJs).toFixed(1)} KB, target ≤ +25 KB)`,
      );
      log();
      const payloads = payloadLines(await pagePayload(floor.url(), ''), [
        ['case list', await pagePayload(list({}), cookie)],
        ['case page', await pagePayload(`${portal.baseUrl}/nb/cases/${sample[0]?.id ?? ''}`, cookie)],
        ['Innsikt', await pagePayload(`${portal.baseUrl}/nb/insights`, cookie)],
        ['Rapporter', await pagePayload(`${portal.baseUrl}/nb/reports`, cookie)],
      ]);
      payloads.lines.forEach((line) => log(line));
      if (payloads.failed > 0) process.exitCode = 1;
      log();
      log(`HTTP, ${CLIENTS} concurrent clients × ${REQUESTS} requests each`);
      log(`${'scenario'.padEnd(44)}   p50 ms   p95 ms   max ms   req/s  CPU ms/req  ×floor CPU  req/s÷floor  statuses`);
      const measured: { scenario: Scenario; summary: Summary; cpuPerRequest: number }[] = [];
      for (const scenario of scenarios) {
        const cpuBefore = serverCpuMs(portal.pid);
        const summary = await runLoad({
          clients: CLIENTS,
          requestsPerClient: REQUESTS,
          cookie: cookieFor(scenario),
          nextUrl: scenario.url,
        });
        const cpuPerRequest = (serverCpuMs(portal.pid) - cpuBefore) / summary.count;
        measured.push({ scenario, summary, cpuPerRequest });
        log(formatScenario(scenario.name, summary, cpuPerRequest, measured[0]));
      }
      // The floor is measured first and last; its mean is what every scenario is compared with.
      const floors = measured.filter((row) => row.scenario.url === floor.url);
      const floorRow = {
        cpuPerRequest: floors.reduce((sum, row) => sum + row.cpuPerRequest, 0) / floors.length,
        rps: floors.reduce((sum, row) => sum + row.summary.rps, 0) / floors.length,
      };
      log();
      log(
        `Ratios to the floor (mean of both floor runs: ${floorRow.cpuPerRequest.toFixed(1)} ms CPU/request, ${floorRow.rps.toFixed(1)} req/s); targets ≤ 1.5× CPU, ≥ 0.67× req/s`,
      );
      for (const row of measured.filter((row) => row.scenario.url !== floor.url)) {
        const cpuRatio = row.cpuPerRequest / floorRow.cpuPerRequest;
        const rpsRatio = row.summary.rps / floorRow.rps;
        const met = cpuRatio <= 1.5 && rpsRatio >= 2 / 3 ? 'met' : 'NOT met';
        log(`${row.scenario.name.padEnd(44)} CPU ${cpuRatio.toFixed(2)}×  req/s ${rpsRatio.toFixed(2)}×  ${met}`);
      }
      const full = measured.find((row) => row.scenario.name.startsWith('search, debtor full name'));
      const common = measured.find((row) => row.scenario.name.startsWith('search, debtor last name'));
      if (full && common) log(`common-surname p95 ÷ full-name p95: ${(common.summary.p95 / full.summary.p95).toFixed(2)} (target ≤ 2)`);
    }
    const afterPages = serverMemory(portal.pid);
    log(`server after the page runs: RSS ${afterPages.rssMb.toFixed(0)} MB, peak (VmHWM) ${afterPages.hwmMb.toFixed(0)} MB`);

    log();
    const exportQuery = new URLSearchParams({ locale: 'nb', from: exportFrom }).toString();
    const exportTimes: number[] = [];
    const exportRun = async (server: Portal, label: string) => {
      let sampledPeak = 0;
      const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, serverMemory(server.pid).rssMb)), 100);
      for (let run = 1; run <= 3; run++) {
        const result = await timedGet(`${server.baseUrl}/api/cases/export?${exportQuery}`, cookie);
        exportTimes.push(result.ms);
        log(
          `export ${exportRows.toLocaleString('en')} rows (from ${exportFrom}), ${label}, run ${run}: HTTP ${result.status}, ${(result.bytes / 1e6).toFixed(1)} MB in ${(result.ms / 1000).toFixed(2)} s`,
        );
      }
      clearInterval(sampler);
      const after = serverMemory(server.pid);
      log(`  server peak RSS sampled ${sampledPeak.toFixed(0)} MB; VmHWM ${after.hwmMb.toFixed(0)} MB`);
    };
    await exportRun(portal, EXPORT_ONLY ? 'first server' : 'after the page runs');
    // The same exports on a freshly started server: the export's own footprint, apart from the page load's heap.
    await portal.stop();
    portal = await startPortal(serverEnv);
    const fresh = serverMemory(portal.pid);
    log(`fresh server: RSS ${fresh.rssMb.toFixed(0)} MB`);
    await exportRun(portal, 'fresh server');
    // Pages while an export runs: the case page, 5 clients, alone and then beside one export in flight (target: p50
    // and server CPU per page no more than 20 % above alone). The export's own CPU counts in the second CPU figure.
    const casePage = () => `${portal.baseUrl}/nb/cases/${pick(sample).id}`;
    const alone = await runLoad({ clients: 5, requestsPerClient: 10, cookie, nextUrl: casePage });
    const inFlight = timedGet(`${portal.baseUrl}/api/cases/export?${exportQuery}`, cookie);
    const beside = await runLoad({ clients: 5, requestsPerClient: 10, cookie, nextUrl: casePage });
    const exported = await inFlight;
    const slowdown = beside.p50 / alone.p50;
    log(
      `case page, 5 clients: alone p50 ${alone.p50.toFixed(0)} ms p95 ${alone.p95.toFixed(0)} ms; beside an export (${(exported.ms / 1000).toFixed(1)} s) p50 ${beside.p50.toFixed(0)} ms p95 ${beside.p95.toFixed(0)} ms: ${slowdown.toFixed(2)}× (target ≤ 1.20×)${slowdown > 1.2 ? ' NOT met' : ' met'}`,
    );

    log();
    log(`SQL direct, one connection, 20 runs each (ms)             p50      p95  EXPLAIN ANALYZE`);
    if (!EXPORT_ONLY) {
      const sqlCases: [string, RawSearchParams][] = [
        ['list, unfiltered', {}],
        ['list, Aktiv + date range', { status: 'active', ...window }],
        ['list, page at depth', { after: deep?.cursor ?? '', page: '2' }],
        ['search, case number', { q: sample[0]?.case_number ?? '' }],
        ['search, debtor full name', { q: 'Bjørn Bjørnstad' }],
        ['search, debtor last name', { q: 'bjornstad' }],
      ];
      for (const [name, query] of sqlCases) {
        const { params } = parseCaseListParams(query);
        const cursor = params.after ? decodeCursor(params.sort, params.after) : null;
        const page = await timeSql(db, caseListPageSql(companyIds, params, { cursor, backwards: false, limit: PAGE_SIZE + 1 }), 20);
        const counted = await timeSql(db, caseCountSql(companyIds, params), 20);
        log(`${`${name}: page`.padEnd(50)} ${ms(page.p50)} ${ms(page.p95)} ${ms(page.explainMs)}`);
        log(`${`${name}: count (capped)`.padEnd(50)} ${ms(counted.p50)} ${ms(counted.p95)} ${ms(counted.explainMs)}`);
      }
      // Innsikt's key figures over the same companies (index-only scans; see lib/insights/sql.ts).
      const today = new Date().toISOString().slice(0, 10);
      const chartFrom = `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01`;
      const figures = await timeSql(db, caseFiguresSql(companyIds), 20);
      log(`${'Innsikt: case figures'.padEnd(50)} ${ms(figures.p50)} ${ms(figures.p95)} ${ms(figures.explainMs)}`);
      const collected = await timeSql(db, collectedByMonthSql(companyIds, chartFrom, today), 20);
      log(`${'Innsikt: collected per month, 12 months'.padEnd(50)} ${ms(collected.p50)} ${ms(collected.p95)} ${ms(collected.explainMs)}`);
    }
    const { params: exportParams } = parseCaseListParams({ from: exportFrom });
    const started = performance.now();
    let cursor: Cursor | null = null;
    let fetched = 0;
    for (;;) {
      const batch: { registered_key: string; id: string }[] = await executeRows<{ registered_key: string; id: string }>(
        db,
        caseListPageSql(companyIds, exportParams, { cursor, backwards: false, limit: 5_000 }),
      );
      fetched += batch.length;
      const last = batch[batch.length - 1];
      if (batch.length < 5_000 || !last) break;
      cursor = { kind: 'registered', registeredAt: last.registered_key, id: last.id };
    }
    const exportSqlMs = performance.now() - started;
    log(`${`export query alone: ${fetched.toLocaleString('en')} rows in 5 000-row pages`.padEnd(50)} ${ms(exportSqlMs)} total`);
    const sortedExports = [...exportTimes].sort((a, b) => a - b);
    log(
      `export ÷ its SQL alone: median ${(quantile(sortedExports, 0.5) / exportSqlMs).toFixed(2)}×, worst ${((sortedExports.at(-1) ?? 0) / exportSqlMs).toFixed(2)}× (target ≤ 1.5×)`,
    );
  } finally {
    await portal.stop();
    await handle.close();
  }
  if (!args.includes('--keep') && !args.includes('--seed-only')) {
    const { default: postgres } = await import('postgres');
    const client = postgres(SERVER, { max: 1, onnotice: () => {} });
    await client.unsafe(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
    await client.end();
  }
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  if (OUT) writeFileSync(OUT, `${report.join('\n')}\n`);
}
