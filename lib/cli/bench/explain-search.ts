import { sql } from 'drizzle-orm';
import { executeRows, openDatabase } from '@/db/client';
import { caseCountSql, caseListPageSql } from '@/lib/case-list/sql';
import { PAGE_SIZE, parseCaseListParams } from '@/lib/case-list/schemas';

// `tsx lib/cli/bench/explain-search.ts <database url> <query>…`: EXPLAIN ANALYZE of the list's page and count
// statements for each search, as admin@demo.no (all its companies): how the plans in README "Performance" were read.
const [url, ...queries] = process.argv.slice(2);
const handle = openDatabase(url, { max: 1 });
const admin = sql`select m.company_id::text as id from memberships m join users u on u.id = m.user_id where u.email = 'admin@demo.no'`;
const companyIds = (await executeRows<{ id: string }>(handle.db, admin)).map((row) => row.id);
for (const q of queries) {
  const { params } = parseCaseListParams({ q });
  for (const [label, statement] of [
    ['page', caseListPageSql(companyIds, params, { cursor: null, backwards: false, limit: PAGE_SIZE + 1 })],
    ['count', caseCountSql(companyIds, params)],
  ] as const) {
    await handle.db.execute(statement);
    const plan = (await executeRows(handle.db, sql`explain (analyze, buffers, costs off) ${statement}`)).map((row) =>
      String(row['QUERY PLAN']),
    );
    console.log(`\n=== "${q}" ${label}\n${plan.join('\n')}`);
  }
}
await handle.close();
