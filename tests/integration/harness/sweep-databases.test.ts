import { describe, expect, it } from 'vitest';
import {
  adminSql,
  createDatabaseFromTemplate,
  dropDatabase,
  isPostgresReachable,
  sweepOrphanDatabases,
} from '@/tests/helpers/test-database';

async function exists(name: string) {
  const rows = await adminSql((sql) => sql`select 1 from pg_database where datname = ${name}`);
  return rows.length === 1;
}

describe('the sweep of test databases left by killed runs', () => {
  it('drops a database whose run is gone and keeps one whose run is alive', async () => {
    if (!(await isPostgresReachable())) return expect(process.env.DATABASE_URL).toBeUndefined();
    // Above 2^22, the largest pid Linux can hand out: no live process has it.
    const orphan = 'portal_e2e_4194305';
    const alive = `portal_prod_${process.pid}`;
    await createDatabaseFromTemplate(orphan, 'template0');
    await createDatabaseFromTemplate(alive, 'template0');
    try {
      const dropped = await sweepOrphanDatabases();
      expect(dropped).toContain(orphan);
      expect(await exists(orphan)).toBe(false);
      expect(await exists(alive)).toBe(true);
    } finally {
      await dropDatabase(orphan);
      await dropDatabase(alive);
    }
  });
});
