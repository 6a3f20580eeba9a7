import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { cases } from '@/db/schema';
import { recordEvent, type EventActor } from '@/lib/events/record';

/** Closes a case that a payment left with nothing owed, with the stage change and the closing in the history. */
export async function closePaidCase(tx: Tx, actor: EventActor & { companyId: string }, caseId: string, fromStage: string, paidAt: Date) {
  await tx
    .update(cases)
    .set({ status: 'closed', stage: 'closed', closedAt: paidAt, updatedAt: paidAt })
    .where(and(eq(cases.companyId, actor.companyId), eq(cases.id, caseId)));
  // A millisecond apart, so the history lists payment → stage change → closed in that order, never tied.
  await recordEvent(
    tx,
    actor,
    { type: 'case.stage_changed', caseId, data: { from: fromStage, to: 'closed' } },
    new Date(paidAt.getTime() + 1),
  );
  await recordEvent(tx, actor, { type: 'case.closed', caseId, data: { reason: 'paid' } }, new Date(paidAt.getTime() + 2));
}
