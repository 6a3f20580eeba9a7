import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { encryptSecret } from '@/lib/auth/crypto';
import { newWebhookSecret } from '@/lib/integrations/webhooks/signing';
import { makeCompanyActor } from '@/tests/helpers/case-factories';

/**
 * An endpoint row stored as it is (no save-time check: a row saved before the checks existed, or a name that
 * resolved to a public address then), and one pending delivery to it.
 */
export async function makeDelivery(db: Database, url: string, companyId?: string) {
  const company = companyId ?? (await makeCompanyActor(db, 'admin')).company.id;
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({ companyId: company, url, secretEncrypted: encryptSecret(newWebhookSecret()) })
    .returning();
  if (!endpoint) throw new Error('endpoint insert failed');
  const [delivery] = await db
    .insert(webhookDeliveries)
    .values({
      companyId: company,
      endpointId: endpoint.id,
      eventId: randomUUID(),
      eventType: 'case.paused',
      payload: { type: 'case.paused' },
    })
    .returning();
  if (!delivery) throw new Error('delivery insert failed');
  return { companyId: company, endpointId: endpoint.id, deliveryId: delivery.id };
}

export async function deliveryRow(db: Database, deliveryId: string) {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
  if (!row) throw new Error('no delivery');
  return row;
}

/** A local receiver on 127.0.0.1 whose behaviour the test sets; it records every request it gets. */
export async function localReceiver(handle: (request: IncomingMessage, response: ServerResponse) => void) {
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request);
    handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
