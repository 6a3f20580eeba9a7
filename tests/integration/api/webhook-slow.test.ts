import type PgBoss from 'pg-boss';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { databaseHandle, db } from '@/db';
import { deliverWebhook } from '@/lib/integrations/webhooks/deliver';
import { dispatchWebhookDeliveries } from '@/lib/queue/kicks';
import { startWorker } from '@/lib/jobs/worker';
import { waitFor } from '@/tests/helpers/wait';
import { deliveryRow, localReceiver, makeDelivery } from '@/tests/helpers/webhook-fixtures';

vi.hoisted(() => {
  process.env.WEBHOOK_ALLOW_LOCAL_HTTP = '1';
});

let boss: PgBoss | undefined;
const receivers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  await boss?.stop({ graceful: false, wait: true });
  boss = undefined;
});

/** A receiver that answers 200 at once and then streams its body a kilobyte at a time, without end. */
async function endlessStream() {
  const state = { written: 0, closedByPortal: false };
  const receiver = await localReceiver((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    const timer = setInterval(() => {
      response.write('x'.repeat(1024));
      state.written += 1024;
    }, 20);
    response.on('close', () => {
      clearInterval(timer);
      state.closedByPortal = true;
    });
  });
  receivers.push(receiver);
  return { ...receiver, state };
}

/** A receiver that takes the request and never answers. */
async function silent() {
  const receiver = await localReceiver(() => undefined);
  receivers.push(receiver);
  return receiver;
}

describe('a slow or endless webhook receiver', () => {
  it('is not read to its end: the status is kept and the stream cut off while it is still sending', async () => {
    const stream = await endlessStream();
    const { deliveryId } = await makeDelivery(db, `http://127.0.0.1:${stream.port}/hook`);
    await expect(deliverWebhook(db, deliveryId, { timeoutMs: 30_000 })).resolves.toBe('delivered');
    await waitFor(() => stream.state.closedByPortal, { timeoutMs: 5_000, what: 'the portal closes the stream' });
    expect(stream.state.written).toBeLessThan(64 * 1024);
    expect(await deliveryRow(db, deliveryId)).toMatchObject({ status: 'delivered', lastStatusCode: 200, sendingUntil: null });
  });

  it('that never answers is given up after the timeout, with the fixed reason', async () => {
    const quiet = await silent();
    const { deliveryId } = await makeDelivery(db, `http://127.0.0.1:${quiet.port}/hook`);
    const started = Date.now();
    await expect(deliverWebhook(db, deliveryId, { timeoutMs: 700 })).rejects.toThrow('timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await deliveryRow(db, deliveryId)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: null,
      lastError: 'timeout',
      sendingUntil: null,
    });
  });

  it('holds at most two deliveries of its own company, and another company is delivered meanwhile', async () => {
    const quiet = await silent();
    const slowCompany = await makeDelivery(db, `http://127.0.0.1:${quiet.port}/a1`);
    const slowIds = [
      slowCompany.deliveryId,
      (await makeDelivery(db, `http://127.0.0.1:${quiet.port}/a2`, slowCompany.companyId)).deliveryId,
      (await makeDelivery(db, `http://127.0.0.1:${quiet.port}/a3`, slowCompany.companyId)).deliveryId,
    ];
    const fast = await localReceiver((_request, response) => response.writeHead(204).end());
    receivers.push(fast);
    const other = await makeDelivery(db, `http://127.0.0.1:${fast.port}/b`);

    boss = await startWorker(databaseHandle(), {
      emailSender: null,
      smsSender: null,
      webhookDelivery: { timeoutMs: 30_000, retryDelaySeconds: 60 },
    });
    await dispatchWebhookDeliveries(slowIds);
    // The slow company's receiver holds two requests open: its third delivery waits for a free slot.
    await waitFor(() => quiet.requests.length >= 2, { timeoutMs: 20_000, what: 'two requests reach the silent receiver' });
    await dispatchWebhookDeliveries([other.deliveryId]);
    // Well within the slow requests' 30-second deadline, the other company's delivery is through.
    await waitFor(async () => (await deliveryRow(db, other.deliveryId)).status === 'delivered', {
      timeoutMs: 15_000,
      what: 'the other company is delivered',
    });
    expect(quiet.requests).toHaveLength(2);
    const slowRows = await Promise.all(slowIds.map((id) => deliveryRow(db, id)));
    expect(slowRows.map((row) => row.status)).toEqual(['pending', 'pending', 'pending']);
    expect(slowRows.filter((row) => row.sendingUntil !== null)).toHaveLength(2);
  }, 60_000);
});
