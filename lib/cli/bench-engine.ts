import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { runEngine } from '@/lib/engine/run';

// npm run bench:engine [-- --cases 100000]: one engine run over N active cases on a fresh database
// (portal_bench_engine on the DATABASE_URL server), each due for its first letter; prints the time and rows written.

const count = Number(process.argv[process.argv.indexOf('--cases') + 1]) || 100_000;
const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benchUrl = baseUrl.replace(/\/[^/]*$/, '/portal_bench_engine');

const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
await admin.unsafe('drop database if exists portal_bench_engine with (force)');
await admin.unsafe('create database portal_bench_engine');
await admin.end();

const handle = openDatabase(benchUrl, { max: 4 });
await migrateDatabase(handle);
const { db } = handle;
const seedStart = performance.now();
await db.execute(sql`insert into companies (id, name, organisation_number, payout_account_number)
  values ('00000000-0000-0000-0000-00000000be01', 'Bench AS', '123456785', '86011117947')`);
await db.execute(sql`insert into debtors (id, company_id, customer_number, kind, name, search_name)
  select md5('d' || i)::uuid, '00000000-0000-0000-0000-00000000be01', 'K' || i, case when i % 5 = 0 then 'company' else 'person' end::debtor_kind, 'Skyldner ' || i, 'skyldner ' || i
  from generate_series(1, ${count}) i`);
await db.execute(sql`insert into cases (id, company_id, debtor_id, kid, source, original_amount_ore, balance_ore, due_on)
  select md5('c' || i)::uuid, '00000000-0000-0000-0000-00000000be01', md5('d' || i)::uuid, lpad(i::text, 12, '0'), 'import', 10000 + i * 7 % 5000000, 10000 + i * 7 % 5000000,
    date '2025-02-01' + (i % 28)
  from generate_series(1, ${count}) i`);
await db.execute(sql`insert into invoices (company_id, case_id, invoice_number, issued_on, due_on, amount_ore)
  select company_id, id, 'F-' || case_number, due_on, due_on, original_amount_ore from cases`);
await db.execute(sql`insert into ledger_entries (company_id, case_id, kind, amount_ore, booked_on)
  select company_id, id, 'principal', original_amount_ore, due_on from cases`);
await db.execute(sql`analyze`);
console.log(`seeded ${count} cases in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

const start = performance.now();
const result = await runEngine(db, { now: new Date('2025-03-15T10:00:00Z'), batchSize: 1_000 });
const seconds = (performance.now() - start) / 1000;
console.log(
  `engine run: ${seconds.toFixed(1)} s, ${result.examined} cases examined, ${result.letters} letters, ${result.ledgerRows} ledger rows, ${result.events} events, ${result.errors} errors`,
);
const again = performance.now();
const second = await runEngine(db, { now: new Date('2025-03-15T10:00:00Z'), batchSize: 1_000 });
console.log(`second run the same day: ${((performance.now() - again) / 1000).toFixed(1)} s, ${second.letters} letters`);
await handle.close();
