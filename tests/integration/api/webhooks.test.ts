import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseHandle, db } from '@/db';
import { webhookDeliveries } from '@/db/schema';
import { POST as postPause } from '@/app/api/v1/cases/[caseNumber]/pause/route';
import { todayInOslo } from '@/lib/dates';
import { OUTBOX_SWEEP_JOB } from '@/lib/jobs/outbox-delivery';
import { dispatchWebhookDeliveries, OUTBOX_DELIVERY_JOB } from '@/lib/queue/kicks';
import { startWorker } from '@/lib/jobs/worker';
import { runSettlement } from '@/lib/settlements/run';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { GET as getSettlements } from '@/app/api/v1/settlements/route';
import { bankReference, makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { addWebhookEndpoint } from '@/lib/integrations/webhooks/mutations';
import { SIGNATURE_HEADER, signWebhook, verifyWebhookSignature } from '@/lib/integrations/webhooks/signing';
import { callApi, makeApiCompany } from '@/tests/helpers/api-fixtures';
import { makeCase } from '@/tests/helpers/case-factories';
import { waitFor, waitForJob } from '@/tests/helpers/wait';

vi.hoisted(() => {
  // Tests deliver to a local receiver over plain http: the explicit switch, never on in production.
  process.env.WEBHOOK_ALLOW_LOCAL_HTTP = '1';
});

type Received = { eventId: string; type: string; body: string; signature: string | null; valid: boolean; answered: number };

/** A real HTTP receiver that checks every signature and fails the first `failures` requests with 500. */
function receiver() {
  const state = { secret: '', failures: 0, received: [] as Received[] };
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const signature = request.headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined;
      const answered = state.failures > 0 ? 500 : 200;
      if (state.failures > 0) state.failures -= 1;
      state.received.push({
        eventId: String(request.headers['autocollect-event-id']),
        type: String(request.headers['autocollect-event-type']),
        body,
        signature: signature ?? null,
        valid: verifyWebhookSignature(state.secret, signature ?? null, body),
        answered,
      });
      response.writeHead(answered, { 'Content-Type': 'text/plain' }).end(answered === 200 ? 'ok' : 'try again');
    });
  });
  return { server, state };
}

const hook = receiver();
let url = '';
let boss: PgBoss | undefined;
beforeAll(async () => {
  await new Promise<void>((resolve) => hook.server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(hook.server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((resolve) => hook.server.close(() => resolve())));
afterEach(async () => {
  await boss?.stop({ graceful: false, wait: true });
  boss = undefined;
});

const today = todayInOslo();
const worker = () =>
  startWorker(databaseHandle(), { emailSender: null, smsSender: null, webhookDelivery: { retryDelaySeconds: 1, retryLimit: 4 } });

describe('webhooks through the outbox', () => {
  it('signs each event, retries after a failing receiver, and delivers nothing twice after a worker restart', async () => {
    const { key, company, actor } = await makeApiCompany(db);
    const added = await db.transaction((tx) => addWebhookEndpoint(tx, actor, url, true));
    hook.state.secret = added.secret;
    hook.state.failures = 2;
    const debtCase = await makeCase(db, { companyId: company.id });
    const paused = await callApi(postPause, {
      path: `/api/v1/cases/${debtCase.caseNumber}/pause`,
      key,
      body: {},
      params: { caseNumber: String(debtCase.caseNumber) },
    });
    expect(paused.status).toBe(200);
    const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.companyId, company.id));
    expect(delivery).toMatchObject({ eventType: 'case.paused', status: 'pending' });

    boss = await worker();
    await dispatchWebhookDeliveries([delivery?.id ?? '']);
    const row = async () =>
      (
        await db
          .select()
          .from(webhookDeliveries)
          .where(eq(webhookDeliveries.id, delivery?.id ?? ''))
      )[0];
    await waitFor(async () => (await row())?.status === 'delivered');
    const mine = () => hook.state.received.filter((r) => r.eventId === delivery?.eventId);
    expect(mine().map((r) => r.answered)).toEqual([500, 500, 200]);
    expect(mine().every((r) => r.valid)).toBe(true);
    expect(JSON.parse(mine()[2]?.body ?? '{}')).toMatchObject({
      type: 'case.paused',
      caseNumber: debtCase.caseNumber,
      id: delivery?.eventId,
    });
    expect(await row()).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null, sendingUntil: null });

    // A new worker, the same delivery asked for again (a duplicate job, the sweep): nothing is sent twice.
    await boss.stop({ graceful: false, wait: true });
    boss = await worker();
    const [duplicate] = await dispatchWebhookDeliveries([delivery?.id ?? '']);
    const sweep = await boss.send(OUTBOX_SWEEP_JOB, {});
    // Both jobs ran to the end (the positive signal) and posted nothing.
    expect(await waitForJob(boss, OUTBOX_DELIVERY_JOB, duplicate ?? null)).toBe('completed');
    expect(await waitForJob(boss, OUTBOX_SWEEP_JOB, sweep)).toBe('completed');
    expect(mine()).toHaveLength(3);
  }, 60_000);

  it('refuses a tampered body, another secret and an old timestamp', () => {
    const body = JSON.stringify({ id: 'x', type: 'case.paused' });
    const now = new Date('2026-12-02T12:00:00Z');
    const header = signWebhook('whsec_a', body, now);
    expect(verifyWebhookSignature('whsec_a', header, body, now)).toBe(true);
    expect(verifyWebhookSignature('whsec_a', header, body.replace('paused', 'resumed'), now)).toBe(false);
    expect(verifyWebhookSignature('whsec_b', header, body, now)).toBe(false);
    expect(verifyWebhookSignature('whsec_a', header, body, new Date(now.getTime() + 301_000))).toBe(false);
  });

  it('writes a settlement delivery with the slip (and GET /settlements lists its lines); plain http needs the switch', async () => {
    const { company, actor, key } = await makeApiCompany(db);
    await expect(db.transaction((tx) => addWebhookEndpoint(tx, actor, 'http://example.com/hook', false))).rejects.toThrow(
      'integrations.webhooks.errors.https',
    );
    await db.transaction((tx) => addWebhookEndpoint(tx, actor, 'https://erp.example.com/hook', false));
    const staff = await makeStaff(db);
    const debtCase = await makeCase(db, { companyId: company.id, invoiceAmountsOre: [200_000] });
    await db.transaction((tx) =>
      receiveDebtorPayment(
        tx,
        staff,
        { paidOn: today, kid: debtCase.kid, amountOre: 50_000, payer: 'Kari', bankReference: bankReference() },
        'desk',
      ),
    );
    expect((await db.transaction((tx) => runSettlement(tx, company.id, today))).outcome).toBe('created');
    const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.companyId, company.id));
    const settlement = deliveries.find((d) => d.eventType === 'settlement.created');
    expect(settlement?.payload).toMatchObject({ type: 'settlement.created', data: { settledOn: today, lineCount: 1 } });
    const listed = await callApi(getSettlements, { path: `/api/v1/settlements?since=${today}`, key });
    const slips = listed.body?.data as { slipNumber: string; lines: { caseNumber: number; principalOre: number }[] }[];
    expect(slips).toHaveLength(1);
    expect(slips[0]?.lines.map((l) => l.caseNumber)).toEqual([debtCase.caseNumber]);
    expect(settlement?.payload).toMatchObject({ data: { slipNumber: slips[0]?.slipNumber } });
  });
});
