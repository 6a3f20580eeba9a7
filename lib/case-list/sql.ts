import { sql, type SQL } from 'drizzle-orm';
import { toSearchText } from '@/lib/search-text';
import { countCap, type CaseListParams, type CaseSort, type Cursor } from './schemas';

// The case list's SQL, apart from its execution (queries.ts) so the benchmark can time the very same statements.

type Direction = 'asc' | 'desc';
type SortKey = { column: 'registered_at' | 'original_amount_ore' | 'case_number' | 'id'; dir: Direction };

/**
 * Each order matches an index read forwards or backwards: cases_company_registered_idx is (registered_at desc, id),
 * so "newest first" breaks ties by id ascending; the amount and case-number orders have their own indexes.
 * Drizzle's `.desc()` creates DESC NULLS LAST, so the registered orders spell out their NULLS to match it
 * (the column is NOT NULL; without that, PostgreSQL sorts every case of the company instead of reading the index).
 */
const ORDERS: Record<CaseSort, SortKey[]> = {
  'registered-desc': [
    { column: 'registered_at', dir: 'desc' },
    { column: 'id', dir: 'asc' },
  ],
  'registered-asc': [
    { column: 'registered_at', dir: 'asc' },
    { column: 'id', dir: 'desc' },
  ],
  'amount-desc': [
    { column: 'original_amount_ore', dir: 'desc' },
    { column: 'id', dir: 'desc' },
  ],
  'amount-asc': [
    { column: 'original_amount_ore', dir: 'asc' },
    { column: 'id', dir: 'asc' },
  ],
  'number-desc': [{ column: 'case_number', dir: 'desc' }],
  'number-asc': [{ column: 'case_number', dir: 'asc' }],
};

export type PageRequest = { cursor: Cursor | null; backwards: boolean; limit: number };

function flip(dir: Direction): Direction {
  return dir === 'asc' ? 'desc' : 'asc';
}

function sortKeys(sort: CaseSort, backwards: boolean): SortKey[] {
  return ORDERS[sort].map((key) => (backwards ? { ...key, dir: flip(key.dir) } : key));
}

function orderBy(alias: string, keys: SortKey[]): SQL {
  const nulls = (key: SortKey) => (key.column !== 'registered_at' ? '' : key.dir === 'desc' ? ' nulls last' : ' nulls first');
  return sql.join(
    keys.map((key) => sql.raw(`${alias}.${key.column} ${key.dir}${nulls(key)}`)),
    sql`, `,
  );
}

function cursorValues(cursor: Cursor): SQL[] {
  if (cursor.kind === 'registered') return [sql`${cursor.registeredAt}::timestamptz`, sql`${cursor.id}::uuid`];
  if (cursor.kind === 'amount') return [sql`${cursor.amountOre}::bigint`, sql`${cursor.id}::uuid`];
  return [sql`${cursor.caseNumber}::bigint`];
}

/** Rows strictly after the cursor in the order `keys`; the first key alone bounds the index range. */
function keysetCondition(keys: SortKey[], cursor: Cursor): SQL {
  const values = cursorValues(cursor);
  const [first, second] = keys;
  const [firstValue, secondValue] = values;
  if (!first || !firstValue) return sql`true`;
  const past = (key: SortKey, value: SQL) => sql`${sql.raw(`c.${key.column}`)} ${sql.raw(key.dir === 'desc' ? '<' : '>')} ${value}`;
  if (!second || !secondValue) return past(first, firstValue);
  const reach = sql`${sql.raw(`c.${first.column}`)} ${sql.raw(first.dir === 'desc' ? '<=' : '>=')} ${firstValue}`;
  return sql`${reach} and (${past(first, firstValue)} or (${sql.raw(`c.${first.column}`)} = ${firstValue} and ${past(second, secondValue)}))`;
}

function uuidArray(ids: readonly string[]): SQL {
  return sql`array[${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The trimmed query as a case number, when it is one. */
function asCaseNumber(q: string): number | null {
  return /^\d{1,15}$/.test(q) ? Number(q) : null;
}

// Up to this many companies, name search plans each company on its own (see matchingCases); the desk's search
// over every company uses one lateral plan instead of hundreds of branches.
const UNROLLED_COMPANIES = 12;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Name search needs three characters: pg_trgm's index cannot serve shorter substrings. */
export const MIN_NAME_SEARCH_LENGTH = 3;

const CASE_COLUMNS = 'id, company_id, case_number, debtor_id, status, stage, currency, original_amount_ore, balance_ore, registered_at';

function caseColumns(alias: string): SQL {
  return sql.raw(
    CASE_COLUMNS.split(', ')
      .map((column) => `${alias}.${column}`)
      .join(', '),
  );
}

/**
 * The cases of the allowed companies whose case number, invoice number or debtor customer number equals `q`, or
 * whose debtor's name contains it (after toSearchText), as whole case rows aliased `c`. Each branch reaches its
 * cases through its own index and applies `conditions`, the order and the limit itself, so the union holds at most
 * `limit` rows per branch: a surname on 30 000 cases no longer feeds 30 000 rows into one sort.
 * The name branch reads cases.search_name (a copy of the debtor's, kept by triggers: migration 0005), per company,
 * so the planner can choose per company between the trigram index (a rare name) and reading the ordered
 * registered-date index until `limit` rows matched (a very common one).
 */
function matchingCases(companyIds: readonly string[], q: string, conditions: SQL[], order: SQL | null, limit: number): SQL {
  const allowed = uuidArray(companyIds);
  const caseNumber = asCaseNumber(q);
  const name = toSearchText(q);
  const tail = sql`${conditions.length > 0 ? sql` and ${sql.join(conditions, sql` and `)}` : sql``}${order ? sql` order by ${order}` : sql``} limit ${limit}`;
  const branches: SQL[] = [];
  if (caseNumber !== null) {
    branches.push(
      sql`select ${caseColumns('c')} from cases c where c.case_number = ${caseNumber} and c.company_id = any(${allowed})${tail}`,
    );
  }
  branches.push(sql`select ${caseColumns('c')} from invoices i join cases c on c.id = i.case_id and c.company_id = i.company_id
    where i.company_id = any(${allowed}) and i.invoice_number = ${q}${tail}`);
  branches.push(sql`select ${caseColumns('c')} from debtors d join cases c on c.company_id = d.company_id and c.debtor_id = d.id
    where d.company_id = any(${allowed}) and d.customer_number = ${q}${tail}`);
  if (name.length >= MIN_NAME_SEARCH_LENGTH) {
    const pattern = `%${escapeLike(name)}%`;
    if (!order) {
      // Counting: one trigram index scan over all the companies, stopping at the limit.
      branches.push(
        sql`select ${caseColumns('c')} from cases c where c.company_id = any(${allowed}) and c.search_name like ${pattern}${tail}`,
      );
    } else if (companyIds.length <= UNROLLED_COMPANIES && companyIds.every((id) => UUID.test(id))) {
      // One branch per company with its id as a literal, so the planner sees that company's size: a small company
      // reads its ordered index, a large one the trigram index (a rare name) or its ordered index (a common one).
      for (const id of companyIds) {
        branches.push(
          sql`select ${caseColumns('c')} from cases c where c.company_id = ${sql.raw(`'${id}'::uuid`)} and c.search_name like ${pattern}${tail}`,
        );
      }
    } else {
      branches.push(sql`select c.* from unnest(${allowed}) as allowed(company_id)
        cross join lateral (select ${caseColumns('c')} from cases c
          where c.company_id = allowed.company_id and c.search_name like ${pattern}${tail}) c`);
    }
  }
  // UNION (not ALL): a case found both by invoice number and by its debtor is listed once.
  return sql.join(
    branches.map((branch) => sql`(${branch})`),
    sql` union `,
  );
}

/** Status and registration-date filters; dates are calendar days in Oslo, the range includes both ends. */
function filterConditions(params: CaseListParams): SQL[] {
  const conditions: SQL[] = [];
  if (params.status !== 'all') conditions.push(sql`c.status = ${params.status}`);
  if (params.from) conditions.push(sql`c.registered_at >= (${params.from}::date::timestamp at time zone 'Europe/Oslo')`);
  if (params.to) conditions.push(sql`c.registered_at < ((${params.to}::date + 1)::timestamp at time zone 'Europe/Oslo')`);
  return conditions;
}

/** The page's cases, ordered and limited, before debtor names and invoice numbers are joined on. */
function orderedCases(companyIds: readonly string[], params: CaseListParams, page: PageRequest): SQL {
  const keys = sortKeys(params.sort, page.backwards);
  const conditions = filterConditions(params);
  if (page.cursor) conditions.push(keysetCondition(keys, page.cursor));
  if (params.q) {
    return sql`select c.* from (${matchingCases(companyIds, params.q, conditions, orderBy('c', keys), page.limit)}) c
      order by ${orderBy('c', keys)} limit ${page.limit}`;
  }
  // Per company, then merged: an ordered index scan per company stops after `limit` rows, where one scan over
  // "company_id = any(…)" would have to sort every case of every company first.
  const where = sql.join([sql`c.company_id = allowed.company_id`, ...conditions], sql` and `);
  return sql`select c.* from unnest(${uuidArray(companyIds)}) as allowed(company_id)
    cross join lateral (select ${caseColumns('c')} from cases c where ${where} order by ${orderBy('c', keys)} limit ${page.limit}) c
    order by ${orderBy('c', keys)} limit ${page.limit}`;
}

/** One page of the list with everything a row shows; `backwards` reads the page before the cursor (reversed). */
export function caseListPageSql(companyIds: readonly string[], params: CaseListParams, page: PageRequest): SQL {
  const keys = sortKeys(params.sort, page.backwards);
  return sql`select p.id, p.company_id, co.name as company_name, p.case_number::text as case_number, p.status::text as status,
      p.stage::text as stage, p.currency, p.original_amount_ore::text as original_amount_ore, p.balance_ore::text as balance_ore,
      to_char(p.registered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as registered_key,
      to_char(p.registered_at at time zone 'Europe/Oslo', 'YYYY-MM-DD') as registered_on,
      d.name as debtor_name, d.customer_number,
      (select string_agg(i.invoice_number, ', ' order by i.invoice_number) from invoices i
        where i.company_id = p.company_id and i.case_id = p.id) as invoice_numbers
    from (${orderedCases(companyIds, params, page)}) p
    join debtors d on d.id = p.debtor_id
    join companies co on co.id = p.company_id
    order by ${orderBy('p', keys)}`;
}

/** How many cases match, counted up to `cap` + 1 so "more than the cap" is visible but cheap. */
export function caseCountSql(companyIds: readonly string[], params: CaseListParams, cap = countCap(params)): SQL {
  const conditions = filterConditions(params);
  if (params.q) {
    return sql`select count(*)::int as n from (select 1 from (${matchingCases(companyIds, params.q, conditions, null, cap + 1)}) c limit ${cap + 1}) t`;
  }
  const where = sql.join([sql`c.company_id = any(${uuidArray(companyIds)})`, ...conditions], sql` and `);
  return sql`select count(*)::int as n from (select 1 from cases c where ${where} limit ${cap + 1}) t`;
}
