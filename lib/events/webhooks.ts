import { sql } from 'drizzle-orm';
import { executeRows, type Executor } from '@/db/client';

/** The events an endpoint receives: case status changes, letters, and settlements. */
export const WEBHOOK_EVENT_TYPES = [
  'case.registered',
  'case.paused',
  'case.resumed',
  'case.withdrawn',
  'case.closed',
  'case.stage_changed',
  'letter.sent',
  'settlement.created',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(type: string): type is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);
}

export type WebhookEvent = {
  id: string;
  companyId: string;
  type: WebhookEventType;
  occurredAt: Date;
  caseId?: string | null;
  data: Record<string, unknown>;
};

/**
 * Writes one delivery per live endpoint of each event's company, in the caller's transaction (so a delivery exists
 * exactly when its cause committed), in one statement however many events. The payload names the case by its
 * number, as the API does. The outbox job (lib/jobs/outbox-delivery.ts) posts them after the commit.
 */
export async function enqueueWebhooks(tx: Executor, events: WebhookEvent[]) {
  if (events.length === 0) return;
  // Most companies have no endpoint: one indexed look-up spares the batch's payloads (the engine's, the seed's).
  const companyIds = [...new Set(events.map((event) => event.companyId))];
  const live = await executeRows(
    tx,
    sql`
    select 1 from webhook_endpoints where company_id in (${sql.join(
      companyIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) and disabled_at is null limit 1`,
  );
  if (live.length === 0) return;
  const rows = events.map((event) => ({
    id: event.id,
    company_id: event.companyId,
    type: event.type,
    occurred_at: event.occurredAt.toISOString(),
    case_id: event.caseId ?? null,
    data: event.data,
  }));
  await tx.execute(sql`
    insert into webhook_deliveries (company_id, endpoint_id, event_id, event_type, payload)
    select e.company_id, e.id, ev.id, ev.type,
           jsonb_build_object('id', ev.id::text, 'type', ev.type, 'occurredAt', ev.occurred_at,
                              'caseNumber', c.case_number, 'data', ev.data)
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
           as ev(id uuid, company_id uuid, type text, occurred_at text, case_id uuid, data jsonb)
    join webhook_endpoints e on e.company_id = ev.company_id and e.disabled_at is null
    left join cases c on c.id = ev.case_id
    on conflict (endpoint_id, event_id) do nothing`);
}
