import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';

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

/**
 * Writes one delivery per live endpoint of the company, in the caller's transaction (so a delivery exists exactly
 * when its cause committed). The payload names the case by its number, as the API does.
 */
export async function enqueueWebhook(
  tx: Executor,
  event: { id: string; companyId: string; type: WebhookEventType; occurredAt: Date; caseId?: string | null; data: Record<string, unknown> },
) {
  const caseNumber = event.caseId ? sql`(select c.case_number from cases c where c.id = ${event.caseId}::uuid)` : sql`null`;
  await tx.execute(sql`
    insert into webhook_deliveries (company_id, endpoint_id, event_id, event_type, payload)
    select e.company_id, e.id, ${event.id}::uuid, ${event.type},
           jsonb_build_object('id', ${event.id}::text, 'type', ${event.type}::text, 'occurredAt', ${event.occurredAt.toISOString()}::text,
                              'caseNumber', ${caseNumber}, 'data', ${JSON.stringify(event.data)}::jsonb)
    from webhook_endpoints e
    where e.company_id = ${event.companyId}::uuid and e.disabled_at is null
    on conflict (endpoint_id, event_id) do nothing`);
}
