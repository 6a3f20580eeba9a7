import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for an outside provider (Resend's POST /emails, the SMS gateway, a webhook receiver) that
 * answers 500 while it is "down" and 200 with a message id once it is up. Like Resend, it honours the
 * Idempotency-Key header: a repeated key gets the first answer again and is not delivered twice. It records every
 * attempt, so a check can count deliveries per message.
 */
export type FlakyProvider = {
  url: string;
  /** Answer 500 to the next `count` requests (then 200). */
  failNext: (count: number) => void;
  /** Answer 500 to everything until up() is called. */
  down: () => void;
  up: () => void;
  attempts: { key: string; status: number }[];
  /** Idempotency key → how many times the provider accepted (delivered) it: exactly once is 1. */
  delivered: Map<string, number>;
  close: () => Promise<void>;
};

export async function startFlakyProvider(port = 0): Promise<FlakyProvider> {
  let failures = 0;
  let isDown = false;
  const attempts: FlakyProvider['attempts'] = [];
  const delivered = new Map<string, number>();
  const answered = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      // Webhooks carry their event id instead of an Idempotency-Key.
      const key = String(request.headers['idempotency-key'] ?? request.headers['autocollect-event-id'] ?? `none-${attempts.length}`);
      const failing = isDown || failures > 0;
      if (failures > 0) failures -= 1;
      attempts.push({ key, status: failing ? 500 : 200 });
      if (failing) {
        response
          .writeHead(500, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ name: 'internal_server_error', message: 'down for a while' }));
        return;
      }
      let id = answered.get(key);
      if (!id) {
        id = `msg-${answered.size + 1}`;
        answered.set(key, id);
        delivered.set(key, (delivered.get(key) ?? 0) + 1);
      }
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    failNext: (count) => (failures = count),
    down: () => (isDown = true),
    up: () => (isDown = false),
    attempts,
    delivered,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
