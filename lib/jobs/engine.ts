import type { Database } from '@/db/client';
import { runEngine, type EngineRunResult } from '@/lib/engine/run';

export const ENGINE_JOB = 'collection-engine';
// Every morning before the settlement run (06:00), Oslo time; the desk can also run it on demand.
export const ENGINE_CRON = '30 5 * * *';

/** The scheduled run: the clock is injected, so tests move it. A rerun the same day changes nothing. */
export async function runScheduledEngine(db: Database, now = new Date()): Promise<EngineRunResult> {
  return runEngine(db, { now });
}
