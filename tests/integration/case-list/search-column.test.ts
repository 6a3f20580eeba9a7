import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { executeRows } from '@/db/client';
import { cases, debtors } from '@/db/schema';
import { countCases, listCases } from '@/lib/case-list/queries';
import { parseCaseListParams } from '@/lib/case-list/schemas';
import { toSearchText } from '@/lib/search-text';
import { makeListedCase } from '@/tests/helpers/case-list-fixtures';
import { makeCompany } from '@/tests/helpers/factories';

// cases.search_name is the database's copy of the debtor's search_name (migration 0005): no insert path sets it.
async function searchNameOf(caseId: string) {
  const [row] = await db.select({ searchName: cases.searchName }).from(cases).where(eq(cases.id, caseId));
  return row?.searchName;
}

async function search(companyId: string, q: string) {
  const { params } = parseCaseListParams({ q });
  return { ids: (await listCases([companyId], params)).rows.map((row) => row.id), total: await countCases([companyId], params) };
}

describe('the cases.search_name copy', () => {
  it('is the debtor’s on insert, though the insert does not name it', async () => {
    const companyId = (await makeCompany(db)).id;
    const listed = await makeListedCase(db, { companyId, debtorName: 'Ståle Østby' });
    expect(await searchNameOf(listed.id)).toBe(toSearchText('Ståle Østby'));
  });

  it('cannot be set to anything else than the debtor’s', async () => {
    const companyId = (await makeCompany(db)).id;
    const listed = await makeListedCase(db, { companyId, debtorName: 'Kari Haugen' });
    await db.update(cases).set({ searchName: 'something else' }).where(eq(cases.id, listed.id));
    expect(await searchNameOf(listed.id)).toBe('kari haugen');
  });

  it('follows a renamed debtor to all the debtor’s cases, and search finds them by the new name only', async () => {
    const companyId = (await makeCompany(db)).id;
    const first = await makeListedCase(db, { companyId, debtorName: 'Per Tveit' });
    const [debtor] = await db.select({ id: cases.debtorId }).from(cases).where(eq(cases.id, first.id));
    const second = await makeListedCase(db, { companyId, debtorName: 'Someone Else' });
    await db
      .update(cases)
      .set({ debtorId: debtor?.id ?? '' })
      .where(eq(cases.id, second.id));
    expect(await searchNameOf(second.id)).toBe('per tveit');

    await db
      .update(debtors)
      .set({ name: 'Per Lærum', searchName: toSearchText('Per Lærum') })
      .where(eq(debtors.id, debtor?.id ?? ''));
    expect(await searchNameOf(first.id)).toBe('per laerum');
    expect(await searchNameOf(second.id)).toBe('per laerum');
    expect((await search(companyId, 'laerum')).ids.sort()).toEqual([first.id, second.id].sort());
    expect((await search(companyId, 'laerum')).total).toBe(2);
    expect((await search(companyId, 'tveit')).ids).toEqual([]);
  });

  it('has its own trigram index', async () => {
    const indexes = await executeRows(
      db,
      sql`select indexname from pg_indexes where tablename = 'cases' and indexdef like '%gin_trgm_ops%'`,
    );
    expect(indexes.map((row) => row.indexname)).toContain('cases_search_name_trgm_idx');
  });
});
