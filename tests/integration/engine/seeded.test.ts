import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { events, letters } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { runEngine } from '@/lib/engine/run';
import { casesWithDriftedBalance } from '@/tests/helpers/case-factories';

describe('the engine over the demo seed', () => {
  beforeAll(async () => {
    await seedDemo(db);
  }, 120_000);

  it('finds a letter row behind every seeded letter event, continues from them, and a second run writes nothing', async () => {
    const [orphans] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(events)
      .where(sql`${events.type} = 'letter.sent' and not exists (select 1 from ${letters} l where l.id::text = ${events.data}->>'letterId')`);
    expect(orphans!.n).toBe(0);
    const first = await runEngine(db);
    expect(first.errors).toBe(0); // the demo's assumed 2H 2026 rate is in interest_rates
    const count = async () => (await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(letters))[0]!.n;
    const before = await count();
    expect((await runEngine(db)).letters).toBe(0);
    expect(await count()).toBe(before);
    expect(await casesWithDriftedBalance(db)).toEqual([]);
    // No case got a second letter of a kind it already had.
    const [dupes] = await db.execute<{ n: string }>(sql`select count(*) as n from (select case_id, kind from letters group by 1, 2 having count(*) > 1) d`).then((r) => ((r as unknown as { rows?: { n: string }[] }).rows ?? (r as unknown as { n: string }[])));
    expect(Number(dupes?.n ?? 0)).toBe(0);
  });
});
