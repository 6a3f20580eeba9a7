import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { databaseHandle, db } from '@/db';
import { signInAttempts } from '@/db/schema';
import { MAINTENANCE_JOB } from '@/lib/jobs/maintenance';
import { startWorker } from '@/lib/jobs/worker';
import { waitForJob } from '@/tests/helpers/wait';

describe('the job queue', () => {
  it('runs the maintenance job through pg-boss: old sign-in attempts go, recent ones stay', async () => {
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    const [old] = await db
      .insert(signInAttempts)
      .values({ step: 'password', email: 'gammel@test.no', ipAddress: '10.0.0.1', succeeded: false, createdAt: twoDaysAgo })
      .returning();
    const [recent] = await db
      .insert(signInAttempts)
      .values({ step: 'password', email: 'ny@test.no', ipAddress: '10.0.0.1', succeeded: false })
      .returning();
    const boss = await startWorker(databaseHandle());
    try {
      expect(await waitForJob(boss, MAINTENANCE_JOB, await boss.send(MAINTENANCE_JOB, {}))).toBe('completed');
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    expect(
      await db
        .select()
        .from(signInAttempts)
        .where(eq(signInAttempts.id, old?.id ?? '')),
    ).toEqual([]);
    expect(
      await db
        .select()
        .from(signInAttempts)
        .where(eq(signInAttempts.id, recent?.id ?? '')),
    ).toHaveLength(1);
  });
});
