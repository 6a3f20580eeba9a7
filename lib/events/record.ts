import 'server-only';
import type { Executor } from '@/db';
import { events } from '@/db/schema';
import type { PortalEvent } from './types';

export type EventActor = { userId: string | null; companyId: string | null };

/** The only writer of the append-only events table; call it inside the transaction of the change. */
export async function recordEvent(tx: Executor, actor: EventActor, event: PortalEvent, occurredAt?: Date) {
  const subject =
    'caseId' in event
      ? { subjectType: 'case', subjectId: event.caseId, caseId: event.caseId }
      : 'invitationId' in event
        ? { subjectType: 'invitation', subjectId: event.invitationId, caseId: null }
        : { subjectType: 'user', subjectId: event.userId, caseId: null };
  await tx.insert(events).values({
    companyId: actor.companyId,
    actorUserId: actor.userId,
    type: event.type,
    data: event.data,
    ...subject,
    ...(occurredAt ? { occurredAt } : {}),
  });
}

/** Many events in one insert (the collection engine's batches); the same rules as recordEvent. */
export async function recordCaseEvents(tx: Executor, rows: { actor: EventActor; event: Extract<PortalEvent, { caseId: string }>; occurredAt: Date }[]) {
  if (rows.length === 0) return;
  await tx.insert(events).values(
    rows.map(({ actor, event, occurredAt }) => ({
      companyId: actor.companyId,
      actorUserId: actor.userId,
      type: event.type,
      data: event.data,
      subjectType: 'case',
      subjectId: event.caseId,
      caseId: event.caseId,
      occurredAt,
    })),
  );
}
