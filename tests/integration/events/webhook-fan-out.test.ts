import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { events, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { addDays } from '@/lib/dates';
import { runEngine } from '@/lib/engine/run';
import { addWebhookEndpoint } from '@/lib/integrations/webhooks/mutations';
import { makeApiCompany } from '@/tests/helpers/api-fixtures';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';

// The README promises endpoints case status changes and letters. The engine writes its events in batches; the
// one event writer fans those out like any single event, in the same transaction.

async function companyWithEndpoint() {
  const { company, actor } = await makeApiCompany(db);
  const added = await db.transaction((tx) => addWebhookEndpoint(tx, actor, 'https://erp.example.com/hook', false));
  return { company, actor, endpointId: added.id };
}

async function runDays(companyId: string, from: string, days: number) {
  for (let day = 0; day < days; day += 1) await runEngine(db, { now: onDay(addDays(from, day)), companyId });
}

async function deliveriesOf(companyId: string) {
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.companyId, companyId)).orderBy(asc(webhookDeliveries.createdAt));
}

describe('webhook fan-out of the engine’s events', () => {
  it('queues a letter.sent delivery for the reminder, and a case.stage_changed for the notice', async () => {
    const { company, endpointId } = await companyWithEndpoint();
    const other = await companyWithEndpoint();
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });

    await runEngine(db, { now: onDay('2025-03-15'), companyId: company.id }); // the reminder
    const afterReminder = await deliveriesOf(company.id);
    const [letterEvent] = await db
      .select()
      .from(events)
      .where(and(eq(events.caseId, debtCase.id), eq(events.type, 'letter.sent')));
    expect(letterEvent).toBeDefined();
    const letter = afterReminder.find((delivery) => delivery.eventType === 'letter.sent');
    expect(letter).toMatchObject({ endpointId, eventId: letterEvent?.id, status: 'pending' });
    expect(letter?.payload).toMatchObject({
      id: letterEvent?.id,
      type: 'letter.sent',
      caseNumber: debtCase.caseNumber,
      occurredAt: letterEvent?.occurredAt.toISOString(),
      data: { letterKind: 'reminder', kid: debtCase.kid },
    });

    await runDays(company.id, '2025-03-16', 21); // the notice (a new stage), whichever day the rules send it
    const [stageEvent] = await db
      .select()
      .from(events)
      .where(and(eq(events.caseId, debtCase.id), eq(events.type, 'case.stage_changed')))
      .orderBy(asc(events.occurredAt));
    expect(stageEvent).toBeDefined();
    const stage = (await deliveriesOf(company.id)).find((delivery) => delivery.eventId === stageEvent?.id);
    expect(stage).toMatchObject({ endpointId, eventType: 'case.stage_changed', status: 'pending' });
    expect(stage?.payload).toMatchObject({ type: 'case.stage_changed', caseNumber: debtCase.caseNumber, data: stageEvent?.data });
    // Every letter the engine sent has its delivery; nothing went to another company's endpoint.
    const letterEvents = await db
      .select()
      .from(events)
      .where(and(eq(events.caseId, debtCase.id), eq(events.type, 'letter.sent')));
    const letterDeliveries = (await deliveriesOf(company.id)).filter((delivery) => delivery.eventType === 'letter.sent');
    expect(letterDeliveries.map((delivery) => delivery.eventId).sort()).toEqual(letterEvents.map((event) => event.id).sort());
    expect(letterEvents.length).toBeGreaterThanOrEqual(2);
    expect(await deliveriesOf(other.company.id)).toEqual([]);
  });

  it('queues nothing for a disabled endpoint, and nothing twice when the engine runs the same day again', async () => {
    const { company, endpointId } = await companyWithEndpoint();
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });
    await runEngine(db, { now: onDay('2025-03-15'), companyId: company.id });
    await runEngine(db, { now: onDay('2025-03-15'), companyId: company.id });
    expect((await deliveriesOf(company.id)).filter((delivery) => delivery.eventType === 'letter.sent')).toHaveLength(1);

    await db.update(webhookEndpoints).set({ disabledAt: new Date() }).where(eq(webhookEndpoints.id, endpointId));
    await runDays(company.id, '2025-03-16', 21);
    const letters = await db
      .select()
      .from(events)
      .where(and(eq(events.caseId, debtCase.id), eq(events.type, 'letter.sent')));
    expect(letters).toHaveLength(2); // the notice was sent …
    expect((await deliveriesOf(company.id)).filter((delivery) => delivery.eventType === 'letter.sent')).toHaveLength(1); // … to no endpoint
  });
});
