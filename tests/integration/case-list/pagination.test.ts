import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { executeRows } from '@/db/client';
import { seedBulk } from '@/lib/demo/bulk';
import { countCases, listCases } from '@/lib/case-list/queries';
import { CASE_SORTS, COUNT_CAP, DEFAULT_PARAMS, type CaseListParams, type CaseSort } from '@/lib/case-list/schemas';
import { makeListedCase } from '@/tests/helpers/case-list-fixtures';
import { makeCompany } from '@/tests/helpers/factories';

const BULK = COUNT_CAP + 100;
let big: string;
let small: string;

type Key = { id: string; registered: string; amount: number; caseNumber: number };

async function allKeys(companyIds: string[]): Promise<Key[]> {
  const rows = await executeRows<{ id: string; registered: string; amount: string; case_number: string }>(
    db,
    sql`
    select id::text, to_char(registered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as registered,
           original_amount_ore::text as amount, case_number::text
    from cases where company_id in (${sql.join(
      companyIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return rows.map((row) => ({ id: row.id, registered: row.registered, amount: Number(row.amount), caseNumber: Number(row.case_number) }));
}

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order each sort promises, computed independently of the SQL. */
function expectedOrder(keys: Key[], sort: CaseSort): string[] {
  const sign = sort.endsWith('desc') ? -1 : 1;
  return [...keys]
    .sort((a, b) => {
      if (sort.startsWith('number')) return sign * compare(a.caseNumber, b.caseNumber);
      if (sort.startsWith('amount')) return sign * (compare(a.amount, b.amount) || compare(a.id, b.id));
      return sign * compare(a.registered, b.registered) || -sign * compare(a.id, b.id);
    })
    .map((key) => key.id);
}

async function walkForward(companyIds: string[], sort: CaseSort, pageSize: number) {
  const pages: string[][] = [];
  let params: CaseListParams = { ...DEFAULT_PARAMS, sort };
  for (;;) {
    const page = await listCases(companyIds, params, pageSize);
    pages.push(page.rows.map((row) => row.id));
    if (!page.nextCursor) return { pages };
    params = { ...params, after: page.nextCursor, page: params.page + 1 };
  }
}

beforeAll(async () => {
  big = (await makeCompany(db)).id;
  small = (await makeCompany(db)).id;
  await seedBulk(db, { cases: BULK, companyId: big, eventsPerCase: 1 });
  // Ties on both the date and the amount: the id must break them, or pages would skip or repeat rows.
  const tie = new Date('2026-02-01T10:00:00Z');
  for (let i = 0; i < 23; i++) await makeListedCase(db, { companyId: small, registeredAt: tie, originalAmountOre: 77_700 });
});

describe('keyset pagination', () => {
  it.each(CASE_SORTS.map((sort) => [sort]))('walks every page of %s without skipping or repeating a case', async (sort) => {
    const expected = expectedOrder(await allKeys([small]), sort);
    const { pages } = await walkForward([small], sort, 5);
    expect(pages.flat()).toEqual(expected);
    expect(pages.map((page) => page.length)).toEqual([5, 5, 5, 5, 3]);
  });

  it('stays exact at depth over ten thousand cases in two companies, forwards and back', async () => {
    const expected = expectedOrder(await allKeys([big, small]), 'registered-desc');
    const { pages } = await walkForward([big, small], 'registered-desc', 50);
    expect(pages.flat()).toEqual(expected);
    expect(pages.length).toBe(Math.ceil((BULK + 23) / 50));

    // Back from the last page, page by page, with the "before" cursor the list's "Previous" link carries.
    const everything = await listCases([big, small], DEFAULT_PARAMS, BULK + 23);
    const cursorOf = new Map(everything.rows.map((row) => [row.id, row.cursor]));
    let cursor = cursorOf.get(pages[pages.length - 1]?.[0] ?? '');
    for (let index = pages.length - 2; index >= 0; index--) {
      const page = await listCases([big, small], { ...DEFAULT_PARAMS, before: cursor, page: index + 1 }, 50);
      expect(page.rows.map((row) => row.id)).toEqual(pages[index]);
      expect(page.previousCursor === null).toBe(index === 0);
      cursor = page.previousCursor ?? undefined;
    }
  });

  it('reads a deep page from its cursor, not from an offset', async () => {
    const expected = expectedOrder(await allKeys([big]), 'amount-asc');
    const all = await listCases([big], { ...DEFAULT_PARAMS, sort: 'amount-asc' }, BULK);
    const deep = all.rows[9_949];
    expect(deep?.id).toBe(expected[9_949]);
    const page = await listCases([big], { ...DEFAULT_PARAMS, sort: 'amount-asc', after: deep?.cursor, page: 200 }, 50);
    expect(page.rows.map((row) => row.id)).toEqual(expected.slice(9_950, 10_000));
    expect(page.nextCursor).not.toBeNull();
    expect(page.previousCursor).toBe(page.rows[0]?.cursor);
  });

  it('counts up to the cap and no further', async () => {
    expect(await countCases([small], DEFAULT_PARAMS)).toBe(23);
    expect(await countCases([big], DEFAULT_PARAMS)).toBe(COUNT_CAP + 1);
    expect(await countCases([big], DEFAULT_PARAMS, 20_000)).toBe(BULK);
  });

  it('starts again at the first page when the cursor belongs to another sort order', async () => {
    const first = await listCases([small], { ...DEFAULT_PARAMS, sort: 'number-asc' }, 5);
    const stale = await listCases(
      [small],
      { ...DEFAULT_PARAMS, sort: 'registered-desc', after: first.nextCursor ?? undefined, page: 2 },
      5,
    );
    const fresh = await listCases([small], { ...DEFAULT_PARAMS, sort: 'registered-desc' }, 5);
    expect(stale.rows.map((row) => row.id)).toEqual(fresh.rows.map((row) => row.id));
  });
});
