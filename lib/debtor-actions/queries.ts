import { and, desc, eq, gte, or, sum } from 'drizzle-orm';
import { db } from '@/db';
import { debtorPayments, onlinePayments, paymentArrangements, planInstalments, messages } from '@/db/schema';
import type { DebtorActor } from '@/lib/auth/gate/debtor-scope';
import { findDebtorCaseCompany } from '@/lib/auth/gate/debtor-scope';
import { todayInOslo } from '@/lib/dates';
import { instalmentStates, MISSED_INSTALMENT_GRACE_DAYS, plusDays } from '@/lib/engine/rules';

/** An online payment by its reference, only when its case is one of this debtor's. */
export async function onlinePaymentOfDebtor(debtor: DebtorActor, reference: string) {
  const [payment] = await db
    .select({
      id: onlinePayments.id,
      caseId: onlinePayments.caseId,
      companyId: onlinePayments.companyId,
      reference: onlinePayments.reference,
      provider: onlinePayments.provider,
      amountOre: onlinePayments.amountOre,
      status: onlinePayments.status,
    })
    .from(onlinePayments)
    .where(eq(onlinePayments.reference, reference));
  if (!payment) return null;
  const companyId = await findDebtorCaseCompany(db, debtor, payment.caseId);
  return companyId === payment.companyId ? payment : null;
}

/** A pending payment of the local (demo) provider by its reference; the caller's gate decides whose case it is. */
export async function localPaymentByReference(reference: string) {
  const [payment] = await db
    .select({ caseId: onlinePayments.caseId, reference: onlinePayments.reference })
    .from(onlinePayments)
    .where(and(eq(onlinePayments.reference, reference), eq(onlinePayments.provider, 'local')));
  return payment ?? null;
}

/**
 * The case's newest arrangement with its schedule, each instalment's state today (paid, missed, still due: the
 * engine's count, lib/engine/rules/plan.ts) and, for a missed one, the notice's day and deadline.
 */
export async function getCaseArrangement(companyId: string, caseId: string, today = todayInOslo()) {
  const [arrangement] = await db
    .select()
    .from(paymentArrangements)
    .where(and(eq(paymentArrangements.companyId, companyId), eq(paymentArrangements.caseId, caseId)))
    .orderBy(desc(paymentArrangements.createdAt))
    .limit(1);
  if (!arrangement) return null;
  const [rows, [paid]] = await Promise.all([
    db
      .select({
        number: planInstalments.number,
        dueOn: planInstalments.dueOn,
        amountOre: planInstalments.amountOre,
        noticeSentOn: planInstalments.noticeSentOn,
      })
      .from(planInstalments)
      .where(and(eq(planInstalments.companyId, companyId), eq(planInstalments.arrangementId, arrangement.id)))
      .orderBy(planInstalments.number),
    // What the engine counts against the schedule: the debtor's allocated payments dated from the plan's day.
    db
      .select({ ore: sum(debtorPayments.amountOre).mapWith(Number) })
      .from(debtorPayments)
      .where(
        and(
          eq(debtorPayments.companyId, companyId),
          eq(debtorPayments.caseId, caseId),
          eq(debtorPayments.status, 'allocated'),
          gte(debtorPayments.paidOn, arrangement.startsOn),
        ),
      ),
  ]);
  const states = instalmentStates(rows, paid?.ore ?? 0, today);
  const schedule = rows.map((row, index) => ({
    ...row,
    // The engine's notice is its word that the instalment was missed, whatever day the page is read on.
    state: states[index] === 'paid' ? ('paid' as const) : row.noticeSentOn ? ('missed' as const) : (states[index] ?? 'due'),
    deadlineOn: row.noticeSentOn ? plusDays(row.noticeSentOn, MISSED_INSTALMENT_GRACE_DAYS) : null,
  }));
  return { ...arrangement, schedule };
}

export type CaseArrangement = NonNullable<Awaited<ReturnType<typeof getCaseArrangement>>>;

/** The case thread as the debtor sees it: their own messages and the agency's answers. */
export async function listDebtorThread(companyId: string, caseId: string) {
  return db
    .select({
      id: messages.id,
      fromDebtor: messages.fromDebtor,
      fromAgency: messages.fromAgency,
      body: messages.body,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(
      and(eq(messages.companyId, companyId), eq(messages.caseId, caseId), or(eq(messages.fromDebtor, true), eq(messages.toDebtor, true))),
    )
    .orderBy(messages.createdAt)
    .limit(200);
}
