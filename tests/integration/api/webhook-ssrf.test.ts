import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { deliverWebhook } from '@/lib/integrations/webhooks/deliver';
import type { ResolvedAddress, Resolver } from '@/lib/integrations/webhooks/post';
import { deliveryRow, localReceiver, makeDelivery } from '@/tests/helpers/webhook-fixtures';

// Names resolve through this table, never through real DNS. Each lookup is counted.
function resolverOf(answers: Record<string, ResolvedAddress[][]>) {
  const calls: string[] = [];
  const resolve: Resolver = async (hostname) => {
    calls.push(hostname);
    const sequence = answers[hostname];
    if (!sequence) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return sequence[Math.min(calls.filter((name) => name === hostname).length, sequence.length) - 1] ?? [];
  };
  return { resolve, calls };
}
const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });
const v6 = (address: string): ResolvedAddress => ({ address, family: 6 });

// Something listens on this machine, as an internal service would; it must never hear from a refused delivery.
const inside = await localReceiver((_request, response) =>
  response.writeHead(200, { 'Content-Type': 'text/plain' }).end('internal admin console: root password is hunter2'),
);
afterAll(() => inside.close());

async function attempt(url: string, resolve: Resolver, allowLocalHttp = false) {
  const { deliveryId } = await makeDelivery(db, url);
  const outcome = await deliverWebhook(db, deliveryId, { resolve, allowLocalHttp, timeoutMs: 5_000 }).catch((error: unknown) => error);
  return { outcome, row: await deliveryRow(db, deliveryId) };
}

describe('webhooks cannot reach inside (SSRF)', () => {
  it('refuses a name that resolves to loopback, private, link-local, CGNAT, ULA or multicast, and connects nowhere', async () => {
    const inward = [
      v4('127.0.0.1'),
      v4('10.1.2.3'),
      v4('172.20.0.1'),
      v4('192.168.0.10'),
      v4('169.254.169.254'),
      v4('100.64.0.1'),
      v4('0.0.0.0'),
      v4('224.0.0.5'),
      v6('::1'),
      v6('fd00::1'),
      v6('fe80::1'),
      v6('::ffff:127.0.0.1'),
    ];
    for (const address of inward) {
      const { resolve } = resolverOf({ 'erp.example.test': [[address]] });
      const { outcome, row } = await attempt(`https://erp.example.test:${inside.port}/hook`, resolve);
      expect([address.address, outcome]).toEqual([address.address, expect.objectContaining({ name: 'WebhookDeliveryFailed' })]);
      expect(row).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null, lastError: 'refusedAddress', sendingUntil: null });
    }
    expect(inside.requests).toHaveLength(0);
  });

  it('refuses a name when any of its addresses is inside, even if the first is public', async () => {
    const { resolve } = resolverOf({ 'mixed.example.test': [[v4('93.184.216.34'), v4('127.0.0.1')]] });
    const { row } = await attempt(`https://mixed.example.test:${inside.port}/hook`, resolve);
    expect(row.lastError).toBe('refusedAddress');
    expect(inside.requests).toHaveLength(0);
  });

  it('refuses an address literal in any spelling stored before the save-time check, without DNS', async () => {
    const { resolve, calls } = resolverOf({});
    for (const host of ['127.0.0.1', '0x7f000001', '2130706433', '0177.0.0.1', '[::1]', '[::ffff:7f00:1]']) {
      const { row } = await attempt(`https://${host}:${inside.port}/hook`, resolve);
      expect([host, row.lastError]).toEqual([host, 'refusedUrl']);
    }
    expect(calls).toEqual([]);
    expect(inside.requests).toHaveLength(0);
  });

  it('without the test switch, plain http is refused even to a public address', async () => {
    const { resolve } = resolverOf({ 'erp.example.test': [[v4('93.184.216.34')]] });
    const { row } = await attempt(`http://erp.example.test:${inside.port}/hook`, resolve);
    expect(row.lastError).toBe('refusedUrl');
  });

  it('pins the connection to the checked address: a second DNS answer (rebinding) is never asked for', async () => {
    // With the test switch this machine is allowed; the name's next answer would point into the private network.
    const { resolve, calls } = resolverOf({ 'rebind.example.test': [[v4('127.0.0.1')], [v4('10.0.0.1')]] });
    const before = inside.requests.length;
    const { row } = await attempt(`http://rebind.example.test:${inside.port}/hook`, resolve, true);
    expect(calls).toEqual(['rebind.example.test']);
    expect(inside.requests.length).toBe(before + 1);
    expect(inside.requests.at(-1)?.headers.host).toBe(`rebind.example.test:${inside.port}`);
    expect(row).toMatchObject({ status: 'delivered', lastStatusCode: 200, lastError: null });
    // What the receiver wrote back is not kept anywhere on the row.
    expect(JSON.stringify(row)).not.toContain('hunter2');
  });

  it('stores the status and a fixed reason, never the reply body or the error text', async () => {
    const talkative = await localReceiver((request, response) => {
      if (request.url === '/redirect') response.writeHead(302, { Location: `http://127.0.0.1:${inside.port}/hook` }).end();
      else response.writeHead(500, { 'Content-Type': 'text/plain' }).end('PG::ConnectionBad: could not connect to 10.0.0.7:5432');
    });
    try {
      const failing = await attempt(`http://127.0.0.1:${talkative.port}/hook`, resolverOf({}).resolve, true);
      expect(failing.row).toMatchObject({ lastStatusCode: 500, lastError: 'http' });
      expect(JSON.stringify(failing.row)).not.toContain('10.0.0.7');

      // A redirect is an answer, not a new address to go to.
      const before = inside.requests.length;
      const redirected = await attempt(`http://127.0.0.1:${talkative.port}/redirect`, resolverOf({}).resolve, true);
      expect(redirected.row).toMatchObject({ lastStatusCode: 302, lastError: 'http' });
      expect(inside.requests.length).toBe(before);
    } finally {
      await talkative.close();
    }
    // Nothing listens here: the stored reason says so without the system's error text.
    const closedPort = await localReceiver(() => undefined);
    await closedPort.close();
    const refused = await attempt(`http://127.0.0.1:${closedPort.port}/hook`, resolverOf({}).resolve, true);
    expect(refused.row).toMatchObject({ lastStatusCode: null, lastError: 'unreachable' });
    const unknown = await attempt('https://nowhere.example.test/hook', resolverOf({}).resolve);
    expect(unknown.row).toMatchObject({ lastStatusCode: null, lastError: 'unresolved' });
  });
});
