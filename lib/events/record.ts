// No 'server-only': the engine, the job worker and the demo seed record events outside Next.
import type { Executor } from '@/db';
import { events } from '@/db/schema';
import { enqueueWebhook, isWebhookEventType } from '@/lib/integrations/webhooks/outbox';
import type { PortalEvent } from './types';

/** Who acted: a portal user, or AutoCollect through one of the company's API keys (`apiKeyId`). */
export type EventActor = { userId: string | null; companyId: string | null; apiKeyId?: string | null };

/** The only writer of the append-only events table; call it inside the transaction of the change. */
export async function recordEvent(tx: Executor, actor: EventActor, event: PortalEvent, occurredAt?: Date) {
  const subject =
    'caseId' in event
      ? { subjectType: 'case', subjectId: event.caseId, caseId: event.caseId }
      : 'invitationId' in event
        ? { subjectType: 'invitation', subjectId: event.invitationId, caseId: null }
        : 'apiKeyId' in event
          ? { subjectType: 'api_key', subjectId: event.apiKeyId, caseId: null }
          : 'companyId' in event
            ? { subjectType: 'company', subjectId: event.companyId, caseId: null }
            : { subjectType: 'user', subjectId: event.userId, caseId: null };
  const [row] = await tx.insert(events).values({
    companyId: actor.companyId,
    actorUserId: actor.userId,
    actorApiKeyId: actor.apiKeyId ?? null,
    type: event.type,
    data: event.data,
    ...subject,
    ...(occurredAt ? { occurredAt } : {}),
  }).returning({ id: events.id, occurredAt: events.occurredAt });
  // Case status changes and letters also go to the company's webhook endpoints (the same transaction).
  if (row && actor.companyId && isWebhookEventType(event.type)) {
    await enqueueWebhook(tx, { id: row.id, companyId: actor.companyId, type: event.type, occurredAt: row.occurredAt, caseId: subject.caseId, data: event.data });
  }
}

/** Many events in one insert (the collection engine's batches, the demo's registrations); unlike recordEvent, no webhooks. */
export async function recordCaseEvents(tx: Executor, rows: { actor: EventActor; event: Extract<PortalEvent, { caseId: string }>; occurredAt: Date }[]) {
  if (rows.length === 0) return;
  await tx.insert(events).values(
    rows.map(({ actor, event, occurredAt }) => ({
      companyId: actor.companyId,
      actorUserId: actor.userId,
      actorApiKeyId: actor.apiKeyId ?? null,
      type: event.type,
      data: event.data,
      subjectType: 'case',
      subjectId: event.caseId,
      caseId: event.caseId,
      occurredAt,
    })),
  );
}
