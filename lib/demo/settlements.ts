import type { Tx } from '@/db/client';
import { runSettlement } from '@/lib/settlements/run';
import { DEMO_COMPANIES } from '@/lib/demo/accounts';
import type { Context, DemoRows } from '@/lib/demo/context';
import { DAY_MS, MINUTE_MS, isoFromDay } from '@/lib/dates';

// Remittance to the demo creditors: settlement days in the last six months, settled by the real settlement run.

/** The settlement days (5th, 15th and 25th of each month); the slips come from running the real settlement then. */
export function addRemittance(ctx: Context, rows: DemoRows) {
  const { today, lastDay } = ctx;
  const firstDay = today - 183;
  const now = new Date(today * DAY_MS);
  for (const company of DEMO_COMPANIES) {
    for (let back = 6; back >= 0; back -= 1) {
      for (const dayOfMonth of [5, 15, 25]) {
        const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, dayOfMonth) / DAY_MS;
        if (day >= firstDay && day <= lastDay) rows.settlementDays.push({ companyId: company.id, day });
      }
    }
  }
}

/** The slips are what the settlement run makes of the seeded debtor payments, day by day, as in production. */
export async function runSettlements(tx: Tx, rows: DemoRows) {
  for (const { companyId, day } of rows.settlementDays) {
    await runSettlement(tx, companyId, isoFromDay(day), new Date(day * DAY_MS + 5 * 60 * MINUTE_MS));
  }
}
