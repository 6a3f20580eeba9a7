import { and, desc, eq, or } from 'drizzle-orm';
import { db } from '@/db';
import { onlinePayments, paymentArrangements, planInstalments, messages } from '@/db/schema';
import type { DebtorActor } from '@/lib/auth/gate/debtor-scope';
import { findDebtorCaseCompany } from '@/lib/auth/gate/debtor-scope';

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

/** The case's newest arrangement with its schedule (Min side shows it). */
export async function getCaseArrangement(companyId: string, caseId: string) {
  const [arrangement] = await db
    .select()
    .from(paymentArrangements)
    .where(and(eq(paymentArrangements.companyId, companyId), eq(paymentArrangements.caseId, caseId)))
    .orderBy(desc(paymentArrangements.createdAt))
    .limit(1);
  if (!arrangement) return null;
  const schedule = await db
    .select({ number: planInstalments.number, dueOn: planInstalments.dueOn, amountOre: planInstalments.amountOre })
    .from(planInstalments)
    .where(and(eq(planInstalments.companyId, companyId), eq(planInstalments.arrangementId, arrangement.id)))
    .orderBy(planInstalments.number);
  return { ...arrangement, schedule };
}

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
