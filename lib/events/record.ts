import type { Executor } from '@/db';
import { events } from '@/db/schema';
import type { PortalEvent } from './types';
import { enqueueWebhooks, isWebhookEventType, type WebhookEvent } from './webhooks';

/** Who acted: a portal user, or AutoCollect through one of the company's API keys (`apiKeyId`). */
export type EventActor = { userId: string | null; companyId: string | null; apiKeyId?: string | null };

export type EventRecord = { actor: EventActor; event: PortalEvent; occurredAt?: Date };

function subjectOf(event: PortalEvent) {
  if ('caseId' in event) return { subjectType: 'case', subjectId: event.caseId, caseId: event.caseId };
  if ('invitationId' in event) return { subjectType: 'invitation', subjectId: event.invitationId, caseId: null };
  if ('apiKeyId' in event) return { subjectType: 'api_key', subjectId: event.apiKeyId, caseId: null };
  if ('companyId' in event) return { subjectType: 'company', subjectId: event.companyId, caseId: null };
  return { subjectType: 'user', subjectId: event.userId, caseId: null };
}

/**
 * The only writer of the append-only events table, for one event or a batch (the engine's, the demo's), inside the
 * transaction of the change. Case status changes and letters also go to the company's webhook endpoints, in the
 * same transaction, whichever way they were written.
 */
export async function recordEvents(tx: Executor, records: EventRecord[]) {
  if (records.length === 0) return;
  const rows = await tx
    .insert(events)
    .values(
      records.map(({ actor, event, occurredAt }) => ({
        companyId: actor.companyId,
        actorUserId: actor.userId,
        actorApiKeyId: actor.apiKeyId ?? null,
        type: event.type,
        data: event.data,
        ...subjectOf(event),
        ...(occurredAt ? { occurredAt } : {}),
      })),
    )
    .returning({
      id: events.id,
      companyId: events.companyId,
      type: events.type,
      caseId: events.caseId,
      data: events.data,
      occurredAt: events.occurredAt,
    });
  const hooks: WebhookEvent[] = [];
  for (const row of rows) {
    if (row.companyId && isWebhookEventType(row.type)) hooks.push({ ...row, companyId: row.companyId, type: row.type });
  }
  await enqueueWebhooks(tx, hooks);
}

export async function recordEvent(tx: Executor, actor: EventActor, event: PortalEvent, occurredAt?: Date) {
  await recordEvents(tx, [{ actor, event, occurredAt }]);
}
