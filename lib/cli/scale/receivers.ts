import { createServer, type Server } from 'node:http';

// What lies beyond the network, played on this machine: Resend's API (RESEND_BASE_URL) and a webhook receiver.
// Each counts what it received by the sender's idempotency key (Resend) or event id (webhooks).

export type Receiver = { counts: Map<string, number>; close: () => Promise<void> };

function listen(
  port: number,
  keyOf: (headers: Record<string, string | string[] | undefined>) => string | undefined,
  answer: () => unknown,
): Promise<Receiver> {
  const counts = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const key = keyOf(request.headers);
      if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer()));
    });
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve({ counts, close: () => new Promise<void>((done) => server.close(() => done())) })),
  );
}

export function fakeResend(port: number) {
  return listen(
    port,
    (headers) => headers['idempotency-key'] as string | undefined,
    () => ({ id: crypto.randomUUID() }),
  );
}

export function webhookReceiver(port: number) {
  return listen(
    port,
    (headers) => headers['autocollect-event-id'] as string | undefined,
    () => ({ ok: true }),
  );
}
