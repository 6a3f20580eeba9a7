import type PgBoss from 'pg-boss';
import type { DatabaseHandle } from '@/db/client';
import { MAINTENANCE_JOB, purgeExpiredAuthData } from './maintenance';
import { createQueue } from './queue';

/** Starts the queue, registers the workers and the schedules; returns the running boss. */
export async function startWorker(handle: DatabaseHandle): Promise<PgBoss> {
  const boss = createQueue(handle);
  boss.on('error', (error) => console.error('[jobs]', error));
  await boss.start();
  await boss.createQueue(MAINTENANCE_JOB);
  await boss.work(MAINTENANCE_JOB, async () => {
    await purgeExpiredAuthData(handle.db);
  });
  await boss.schedule(MAINTENANCE_JOB, '17 * * * *');
  return boss;
}
