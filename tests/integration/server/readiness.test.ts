import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { executeRows, openDatabase } from '@/db/client';
import { checkReadiness } from '@/lib/health/readiness';
import { startDraining } from '@/lib/http/draining';

// GET /api/ready's answer (lib/health/readiness.ts): what the load balancer decides on.
describe('readiness', () => {
  it('is ready on a migrated database', async () => {
    expect(await checkReadiness(db)).toEqual({ ready: true });
  });

  it('is not ready when the database does not answer', async () => {
    // Nothing listens there: the connection is refused at once.
    const nowhere = openDatabase('postgres://postgres@127.0.0.1:9/none', { max: 1 });
    try {
      expect(await checkReadiness(nowhere.db)).toEqual({ ready: false, reason: 'database' });
    } finally {
      await nowhere.close();
    }
  });

  it('is not ready while the newest migration of this build is missing, nor while it shuts down', async () => {
    const [newest] = await executeRows<{ id: number }>(
      db,
      sql`select id from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    await db.execute(sql`update drizzle.__drizzle_migrations set created_at = created_at - 1 where id = ${newest?.id}`);
    expect(await checkReadiness(db)).toEqual({ ready: false, reason: 'migrations' });
    await db.execute(sql`update drizzle.__drizzle_migrations set created_at = created_at + 1 where id = ${newest?.id}`);
    expect(await checkReadiness(db)).toEqual({ ready: true });
    startDraining();
    expect(await checkReadiness(db)).toEqual({ ready: false, reason: 'draining' });
  });
});
