import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { cases } from '@/db/schema';
import { assertActorRole, eventActorOf, type WriteActor } from '@/lib/auth/gate/checks';
import { DomainError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record';
import { reconcileCase } from '@/lib/engine/reconcile';
import type { Tables } from '@/lib/engine/rules';
import { recordPause } from '@/lib/engine/pause';
import { lockCase } from '@/lib/ledger';
import { todayInOslo } from '@/lib/dates';
import type { ChangeCaseStatusInput } from './schemas';
import { CHANGED_TO_KEYS, isActionAllowed, STATUS_AFTER, type CaseStatus } from './status-rules';

/**
 * Pause, resume or withdraw. The row lock serialises two users acting at once; the status the user saw must
 * still be the status now, so the second of two concurrent changes is refused with what the case became.
 * A withdrawal ends the case: the claim on that day is booked first, so the ledger states it.
 */
export async function changeCaseStatus(
  tx: Tx,
  actor: WriteActor,
  input: ChangeCaseStatusInput,
  now = new Date(),
  tables?: Tables,
): Promise<CaseStatus> {
  assertActorRole(actor, 'write');
  const debtCase = await lockCase(tx, actor.companyId, input.caseId);
  if (debtCase.status !== input.expectedStatus || !isActionAllowed(input.action, debtCase.status)) {
    throw new DomainError(CHANGED_TO_KEYS[debtCase.status]);
  }
  const status = STATUS_AFTER[input.action];
  const today = todayInOslo(now);
  if (input.action === 'withdraw') await reconcileCase(tx, debtCase.id, today, { tables, now });
  await tx
    .update(cases)
    .set({ status, updatedAt: now })
    .where(and(eq(cases.companyId, actor.companyId), eq(cases.id, debtCase.id)));
  if (input.action === 'pause' || input.action === 'resume') await recordPause(tx, actor.companyId, debtCase.id, input.action, today);
  const eventActor = eventActorOf(actor);
  if (input.action === 'withdraw') {
    await recordEvent(tx, eventActor, { type: 'case.withdrawn', caseId: debtCase.id, data: { reason: input.reason ?? '' } }, now);
  } else {
    await recordEvent(
      tx,
      eventActor,
      { type: input.action === 'pause' ? 'case.paused' : 'case.resumed', caseId: debtCase.id, data: {} },
      now,
    );
  }
  return status;
}
