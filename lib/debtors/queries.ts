import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { caseCollection, cases, companies, debtors, ledgerEntries, letterDeliveries, letters } from '@/db/schema';
import { debtorCasesCondition, type DebtorActor } from '@/lib/auth/gate/debtor-scope';
import { claimToday } from '@/lib/cases/claim-today';
import { plusDays } from '@/lib/engine/rules/dates';
import { loadTables } from '@/lib/engine/tables';
import { todayInOslo } from '@/lib/dates';
import { ratePeriods } from '@/lib/letters/rate-periods';

// A debtor has a handful of cases; more than this is an agency matter, not a page.
const MAX_CASES = 100;

/** Min side's case list: every case the gate lets this debtor see, with today's claim (the creditor's figure). */
export async function listDebtorCases(actor: DebtorActor) {
  const rows = await db
    .select({
      id: cases.id,
      companyId: cases.companyId,
      caseNumber: cases.caseNumber,
      status: cases.status,
      currency: cases.currency,
      creditorName: companies.name,
      debtorName: debtors.name,
    })
    .from(cases)
    .innerJoin(debtors, and(eq(debtors.id, cases.debtorId), eq(debtors.companyId, cases.companyId)))
    .innerJoin(companies, eq(companies.id, cases.companyId))
    .where(debtorCasesCondition(actor))
    .orderBy(desc(cases.registeredAt), asc(cases.caseNumber))
    .limit(MAX_CASES);
  const today = todayInOslo();
  return Promise.all(rows.map(async (row) => ({ ...row, claim: await claimToday(db, row.companyId, row.id, today) })));
}

/** The case's letters, newest first (company-scoped like every read), each with how it reached the debtor. */
export async function listDebtorLetters(companyId: string, caseId: string) {
  const rows = await db
    .select({ letter: letters, delivery: letterDeliveries.channel })
    .from(letters)
    .leftJoin(letterDeliveries, eq(letterDeliveries.letterId, letters.id))
    .where(and(eq(letters.companyId, companyId), eq(letters.caseId, caseId)))
    .orderBy(desc(letters.sentOn), desc(letters.createdAt));
  return rows.map((row) => ({ ...row.letter, delivery: row.delivery }));
}

/** Whether the case is held by a dispute (innsigelse). */
export async function isCaseDisputed(companyId: string, caseId: string): Promise<boolean> {
  const [row] = await db
    .select({ disputedAt: caseCollection.disputedAt })
    .from(caseCollection)
    .where(and(eq(caseCollection.companyId, companyId), eq(caseCollection.caseId, caseId)));
  return Boolean(row?.disputedAt);
}

/** The fees booked on the case by what they are for (a reversal is a negative row of the same kind). */
export async function sumFeesByKind(companyId: string, caseId: string) {
  const rows = await db
    .select({ feeKind: ledgerEntries.feeKind, total: sql<number>`coalesce(sum(${ledgerEntries.amountOre}), 0)`.mapWith(Number) })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.companyId, companyId), eq(ledgerEntries.caseId, caseId), eq(ledgerEntries.kind, 'fee')))
    .groupBy(ledgerEntries.feeKind);
  return rows.filter((row) => row.total !== 0);
}

/** The interest rates that applied from `fromOn` (when interest runs from) to today (lib/letters/rate-periods.ts). */
export async function listRatePeriods(fromOn: string, today: string) {
  const { rates } = await loadTables(db);
  return ratePeriods(fromOn, plusDays(today, 1), rates);
}
