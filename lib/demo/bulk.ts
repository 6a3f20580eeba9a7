import { randomBytes } from 'node:crypto';
import { count, eq, sql, type SQL } from 'drizzle-orm';
import { executeRows, type Database, type Executor } from '@/db/client';
import { companies, debtors, invoices } from '@/db/schema';
import { todayInOslo } from '@/lib/dates';
import { toSearchText } from '@/lib/search-text';
import { env } from '@/lib/env';
import { DEMO_COMPANIES } from '@/lib/demo/accounts';
import {
  COMPANY_NAME_PREFIXES,
  COMPANY_TRADES,
  FIRST_NAMES,
  LAST_NAMES,
  PLACES,
  STREETS,
  createRng,
  makeOrganisationNumber,
} from '@/lib/demo/random';

const BATCH_SIZE = 100_000;
// Two batches at once: measured 1.7× faster than one on a 2-CPU server; three were no faster.
const PARALLEL_BATCHES = 2;
const HISTORY_DAYS = 540;
// From this many cases on, one transaction drops the tables' secondary indexes, inserts, and builds them again:
// building an index once is far cheaper than maintaining it row by row (1M cases: see README "Performance").
const WITHOUT_INDEXES_FROM = 200_000;
const BULK_TABLES = ['debtors', 'cases', 'invoices', 'ledger_entries', 'events'];
const BENCHMARK_COMPANY = { name: 'Benchmark AS', organisationNumber: '998877660', payoutAccountNumber: '30001122335' };
// KID prefix for companies outside the demo set.
const DEFAULT_KID_PREFIX = '9000';

/**
 * The history of a bulk case, in order: a case with N events has the first N steps and is in the stage reached
 * after them. `days` is the step's offset from registration, so the history is chronological and in the past.
 */
const STEPS = [
  { type: 'case.registered', days: 0, letter: null, from: null, to: null },
  { type: 'letter.sent', days: 0, letter: 'reminder', from: null, to: null },
  { type: 'case.stage_changed', days: 14, letter: null, from: 'reminder', to: 'notice' },
  { type: 'letter.sent', days: 14, letter: 'notice', from: null, to: null },
  { type: 'case.stage_changed', days: 31, letter: null, from: 'notice', to: 'demand' },
  { type: 'letter.sent', days: 31, letter: 'demand', from: null, to: null },
  { type: 'case.stage_changed', days: 61, letter: null, from: 'demand', to: 'legal' },
  { type: 'letter.sent', days: 61, letter: 'legal_notice', from: null, to: null },
  { type: 'case.stage_changed', days: 241, letter: null, from: 'legal', to: 'surveillance' },
] as const;

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A constant text[] literal; PostgreSQL folds it once per statement. */
function textArray(values: readonly string[]): SQL {
  return sql.raw(`(ARRAY[${values.map(literal).join(',')}]::text[])`);
}

function intArray(values: readonly number[]): SQL {
  return sql.raw(`(ARRAY[${values.map((n) => String(Math.trunc(n))).join(',')}]::int[])`);
}

/** 1-based element `index` (a bigint expression) of a constant array, cycling. */
function pickFrom(values: readonly string[], index: SQL): SQL {
  return sql`${textArray(values)}[1 + (${index}) % ${sql.raw(String(values.length))}]`;
}

/**
 * MOD10 (Luhn) check digit of `base`, a text expression of exactly `length` digits, unrolled into plain arithmetic
 * so a million KIDs cost no function calls. Weights 2,1,2,1… from the right; a doubled digit adds its two digits.
 */
function luhnCheckSql(base: SQL, length: number): SQL {
  const terms = Array.from({ length }, (_, fromRight) => {
    const digit = sql`substr(${base}, ${sql.raw(String(length - fromRight))}, 1)::int`;
    return fromRight % 2 === 0 ? sql`((2 * ${digit}) / 10 + (2 * ${digit}) % 10)` : digit;
  });
  return sql`((10 - (${sql.join(terms, sql` + `)}) % 10) % 10)::text`;
}

/** An id unique to this run, table and series number: `prefix` is 24 hex digits, the number fills the last 12. */
function idSql(prefix: string, n: SQL): SQL {
  const head = `${prefix.slice(0, 8)}-${prefix.slice(8, 12)}-4${prefix.slice(13, 16)}-8${prefix.slice(17, 20)}-`;
  return sql`(${sql.raw(literal(head))} || lpad(to_hex(${n}), 12, '0'))::uuid`;
}

/**
 * Runs `insert` with the bulk tables' secondary indexes dropped, then creates them again from their saved
 * definitions, all inside the caller's transaction (so a failure leaves every index in place). Indexes behind
 * constraints (primary keys) stay. As superuser, triggers (foreign-key checks, cases.search_name, Innsikt's running
 * sums) are skipped too: the generated rows are consistent by construction and set cases.search_name themselves, and
 * the running sums are recounted at the end.
 */
async function withoutIndexes(tx: Executor, insert: () => Promise<void>) {
  const tables = sql.raw(BULK_TABLES.map(literal).join(', '));
  const [role] = await executeRows<{ rolsuper: boolean }>(tx, sql`select rolsuper from pg_roles where rolname = current_user`);
  if (role?.rolsuper) await tx.execute(sql`set local session_replication_role = replica`);
  await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
  const indexes = await executeRows<{ indexname: string; indexdef: string }>(
    tx,
    sql`select indexname, indexdef from pg_indexes i
    where schemaname = current_schema() and tablename in (${tables})
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  for (const index of indexes) await tx.execute(sql.raw(`drop index "${index.indexname}"`));
  await insert();
  for (const index of indexes) await tx.execute(sql.raw(index.indexdef));
  if (role?.rolsuper) await tx.execute(sql`set local session_replication_role = origin`);
  // Innsikt's running sums are kept by statement triggers, skipped above: recount them once.
  if (role?.rolsuper) await tx.execute(sql`select case_figures_rebuild()`);
}

async function resolveCompany(db: Database, companyId: string | undefined): Promise<{ id: string; kidPrefix: string }> {
  const prefixOf = (id: string) => DEMO_COMPANIES.find((company) => company.id === id)?.kidPrefix ?? DEFAULT_KID_PREFIX;
  if (companyId) return { id: companyId, kidPrefix: prefixOf(companyId) };
  const [demo] = await db.select({ id: companies.id }).from(companies).where(eq(companies.id, DEMO_COMPANIES[0].id));
  if (demo) return { id: demo.id, kidPrefix: prefixOf(demo.id) };
  const [existing] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.organisationNumber, BENCHMARK_COMPANY.organisationNumber));
  if (existing) return { id: existing.id, kidPrefix: DEFAULT_KID_PREFIX };
  const [created] = await db.insert(companies).values(BENCHMARK_COMPANY).returning({ id: companies.id });
  if (!created) throw new Error('Could not create the benchmark company');
  return { id: created.id, kidPrefix: DEFAULT_KID_PREFIX };
}

/**
 * Adds `cases` more active cases for benchmarks, each with its own debtor, one invoice, one principal ledger row
 * (so the balance equals the ledger) and its history: `eventsPerCase` (1–9) events each, or by default 1–9 by case
 * (5 on average), which spreads the cases over the stages reminder … surveillance. Defaults to the first demo
 * company, else a "Benchmark AS" company. Rows are generated in SQL, 100 000 cases per transaction.
 * KID = MOD10 (Luhn) over the company's KID prefix + the case number padded to 10 digits.
 */
export async function seedBulk(db: Database, options: { cases: number; companyId?: string; eventsPerCase?: number }): Promise<void> {
  const total = Math.floor(options.cases);
  if (!(total > 0)) return;
  const fixedEvents = options.eventsPerCase === undefined ? null : Math.min(Math.max(Math.floor(options.eventsPerCase), 1), STEPS.length);
  // Indexed by the number of events k (1-based, like SQL arrays): stage after k steps, age bounds in days.
  const stageAfter = STEPS.map((_, index) => STEPS.slice(0, index + 1).findLast((step) => step.to !== null)?.to ?? 'reminder');
  const lastOffset = STEPS.map((step) => step.days);
  const minAge = lastOffset.map((days) => days + 1);
  const ageSpan = minAge.map((age) => Math.max(HISTORY_DAYS - age, 1));
  const company = await resolveCompany(db, options.companyId);

  const [debtorCount] = await db.select({ n: count() }).from(debtors).where(eq(debtors.companyId, company.id));
  const [invoiceCount] = await db.select({ n: count() }).from(invoices).where(eq(invoices.companyId, company.id));
  // Far above the demo's numbers, and shifted by what is already there, so repeated runs never collide.
  const customerBase = 5_000_000 + (debtorCount?.n ?? 0);
  const invoiceBase = 90_000_000 + (invoiceCount?.n ?? 0);

  const run = randomBytes(12).toString('hex');
  const idPrefix = (tag: string) => `${run.slice(0, 8)}${tag}${run.slice(8, 20)}`;
  const rng = createRng(0xb01d);
  const orgNumbers = Array.from({ length: 64 }, () => makeOrganisationNumber(rng));
  const personNames = FIRST_NAMES.flatMap((first) => LAST_NAMES.map((last) => `${first} ${last}`));
  const companyNames = COMPANY_NAME_PREFIXES.flatMap((prefix) => COMPANY_TRADES.map((trade) => `${prefix} ${trade} AS`));
  const today = todayInOslo();
  const kidBaseLength = company.kidPrefix.length + 10;
  const agencyAccount = env().AGENCY_ACCOUNT_NUMBER;

  const i = sql.raw('i');
  const debtorId = idSql(idPrefix('d0b7'), i);
  const caseId = idSql(idPrefix('ca5e'), i);
  const invoiceId = idSql(idPrefix('1a70'), i);
  const ledgerId = idSql(idPrefix('1ed9'), i);
  const eventId = idSql(idPrefix('e7e7'), sql`i * 16 + j`);
  // Deterministic spreads from the series number (no random()): event count, registration day, amount, due day.
  const k = fixedEvents === null ? sql`(1 + i % ${sql.raw(String(STEPS.length))})` : sql.raw(String(fixedEvents));
  const registeredDay = sql`(${today}::date - (${intArray(minAge)}[${k}] + (i * 7919) % ${intArray(ageSpan)}[${k}])::int)`;
  const registeredAt = sql`((${registeredDay})::timestamp + make_interval(mins => (420 + (i * 37) % 480)::int)) at time zone 'UTC'`;
  const dueOn = sql`(${registeredDay} - (14 + i % 30)::int)`;
  const amountOre = sql`((50000 + (i * 2654435761) % 7950001) / 100 * 100)`;
  const isCompany = sql`(i % 8 = 0)`;

  const searchName = sql`case when ${isCompany} then ${pickFrom(companyNames.map(toSearchText), sql`i / 8`)}
                    else ${pickFrom(personNames.map(toSearchText), sql`i * 31`)} end`;

  async function insertBatch(tx: Executor, start: number) {
    const end = Math.min(start + BATCH_SIZE - 1, total);
    const series = sql`generate_series(${start}::bigint, ${end}::bigint) as s(i)`;
    {
      await tx.execute(sql`
        insert into debtors (id, company_id, customer_number, kind, name, search_name, organisation_number,
                             address_line, postcode, city, email, created_at)
        select ${debtorId}, ${company.id}::uuid, (${customerBase} + i)::text,
               case when ${isCompany} then 'company' else 'person' end::debtor_kind,
               case when ${isCompany} then ${pickFrom(companyNames, sql`i / 8`)} else ${pickFrom(personNames, sql`i * 31`)} end,
               ${searchName},
               case when ${isCompany} then ${pickFrom(orgNumbers, i)} end,
               ${pickFrom(STREETS, i)} || ' ' || (1 + i % 97),
               ${pickFrom(
                 PLACES.map(([postcode]) => postcode),
                 sql`i / 3`,
               )},
               ${pickFrom(
                 PLACES.map(([, city]) => city),
                 sql`i / 3`,
               )},
               case when i % 3 = 0 then null else 'kunde' || (${customerBase} + i) || '@example.com' end,
               ${registeredAt}
        from ${series}`);
      await tx.execute(sql`
        with numbered as (
          select i, n, ${company.kidPrefix}::text || lpad(n::text, 10, '0') as kid_base
          from (select i, nextval('case_number_seq') as n from ${series}) t
        )
        insert into cases (id, company_id, case_number, debtor_id, status, stage, kid, source, original_amount_ore,
                           balance_ore, due_on, registered_at, updated_at, search_name)
        select ${caseId}, ${company.id}::uuid, n, ${debtorId}, 'active', ${textArray(stageAfter)}[${k}]::case_stage,
               kid_base || ${luhnCheckSql(sql.raw('kid_base'), kidBaseLength)}, 'import', ${amountOre}, ${amountOre},
               ${dueOn}, ${registeredAt}, ${registeredAt} + make_interval(days => ${intArray(lastOffset)}[${k}], mins => (${k} - 1)::int),
               ${searchName}
        from numbered`);
      await tx.execute(sql`
        insert into invoices (id, company_id, case_id, invoice_number, issued_on, due_on, amount_ore, description, created_at)
        select ${invoiceId}, ${company.id}::uuid, ${caseId}, (${invoiceBase} + i)::text, ${dueOn} - 14, ${dueOn}, ${amountOre},
               ${pickFrom(['Varekjøp', 'Konsulenttimer', 'Abonnement', 'Service', 'Reparasjon'], i)}, ${registeredAt}
        from ${series}`);
      await tx.execute(sql`
        insert into ledger_entries (id, company_id, case_id, invoice_id, kind, amount_ore, booked_on, created_at)
        select ${ledgerId}, ${company.id}::uuid, ${caseId}, ${invoiceId}, 'principal', ${amountOre}, ${registeredDay}, ${registeredAt}
        from ${series}`);
      await tx.execute(sql`
        insert into events (id, company_id, actor_user_id, type, subject_type, subject_id, case_id, data, occurred_at)
        select ${eventId}, ${company.id}::uuid, null, ${textArray(STEPS.map((s) => s.type))}[j + 1], 'case', c.id, c.id,
               case ${textArray(STEPS.map((s) => s.type))}[j + 1]
                 when 'case.registered' then jsonb_build_object('invoiceNumber', (${invoiceBase} + i)::text,
                   'amountOre', c.original_amount_ore, 'source', 'import')
                 when 'letter.sent' then jsonb_build_object('accountNumber', ${agencyAccount}::text, 'kid', c.kid,
                   'amountOre', c.original_amount_ore,
                   'dueOn', to_char(c.registered_at at time zone 'UTC' + make_interval(days => ${intArray(STEPS.map((s) => s.days))}[j + 1] + 14), 'YYYY-MM-DD'),
                   'letterKind', ${textArray(STEPS.map((s) => s.letter ?? ''))}[j + 1])
                 else jsonb_build_object('from', ${textArray(STEPS.map((s) => s.from ?? ''))}[j + 1],
                   'to', ${textArray(STEPS.map((s) => s.to ?? ''))}[j + 1])
               end,
               c.registered_at + make_interval(days => ${intArray(STEPS.map((s) => s.days))}[j + 1], mins => j)
        from ${series}
        join cases c on c.id = ${caseId} and c.id between ${idSql(idPrefix('ca5e'), sql`${start}::bigint`)} and ${idSql(idPrefix('ca5e'), sql`${end}::bigint`)}
        cross join generate_series(0, ${STEPS.length - 1}) as e(j)
        where j < ${k}`);
    }
  }

  const starts = Array.from({ length: Math.ceil(total / BATCH_SIZE) }, (_, index) => 1 + index * BATCH_SIZE);
  if (total >= WITHOUT_INDEXES_FROM) {
    await db.transaction((tx) =>
      withoutIndexes(tx, async () => {
        for (const start of starts) await insertBatch(tx, start);
      }),
    );
  } else {
    // PGlite has one connection, so there the batches simply run one after another.
    const workers = Array.from({ length: Math.min(PARALLEL_BATCHES, starts.length) }, async () => {
      for (let start = starts.shift(); start !== undefined; start = starts.shift()) await db.transaction((tx) => insertBatch(tx, start));
    });
    await Promise.all(workers);
  }
  await db.execute(sql`analyze debtors, cases, invoices, ledger_entries, events`);
}
