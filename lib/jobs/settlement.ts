import type { Database } from '@/db/client';
import { addDays, todayInOslo } from '@/lib/dates';
import { dispatchOutbox } from '@/lib/queue/kicks';
import { companiesSettlingOn, runSettlement, type SettlementResult } from '@/lib/settlements/run';

export const SETTLEMENT_JOB = 'settlement-run';
// Every morning; each company settles on its own weekday (companies.settlement_weekday, Monday by default).
export const SETTLEMENT_CRON = '0 6 * * *';

/** ISO weekday (1 = Monday … 7 = Sunday) of an Oslo calendar date. */
export function isoWeekday(isoDate: string): number {
  const day = new Date(`${isoDate}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * The scheduled run for `now` (injected, so tests move the clock): every company whose weekday it is in Oslo
 * settles the payments up to yesterday. Each company in its own transaction; a rerun changes nothing.
 */
export async function runScheduledSettlements(db: Database, now = new Date()): Promise<Record<string, SettlementResult['outcome']>> {
  const today = todayInOslo(now);
  const periodEndOn = addDays(today, -1);
  const companyIds = await db.transaction((tx) => companiesSettlingOn(tx, isoWeekday(today)));
  const outcomes: Record<string, SettlementResult['outcome']> = {};
  for (const companyId of companyIds) {
    const result = await db.transaction((tx) => runSettlement(tx, companyId, periodEndOn, now));
    if (result.outcome === 'created' && result.outboxId) await dispatchOutbox([result.outboxId]);
    outcomes[companyId] = result.outcome;
  }
  return outcomes;
}
