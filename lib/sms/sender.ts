export type OutgoingSms = {
  /** The outbox row id; sent as the idempotency key, so a retry never sends twice. */
  idempotencyKey: string;
  to: string;
  text: string;
};

/** Beyond our network boundary: production posts to an HTTP provider; the demo and tests read the outbox. */
export type SmsSender = {
  send(sms: OutgoingSms): Promise<{ providerMessageId: string | null }>;
};

/**
 * A generic HTTP provider: POST JSON `{ to, from, text }` with a bearer token to SMS_API_URL. Most Norwegian
 * gateways take this shape or sit behind a small adapter that does.
 */
export function createHttpSmsSender(url: string, token: string | undefined, from: string, fetchImpl: typeof fetch = fetch): SmsSender {
  return {
    async send(sms) {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': `outbox/${sms.idempotencyKey}`,
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ to: sms.to, from, text: sms.text }),
      });
      if (!response.ok) throw new Error(`SMS provider answered ${response.status}`);
      const body = (await response.json().catch(() => ({}))) as { id?: unknown };
      return { providerMessageId: typeof body.id === 'string' ? body.id : null };
    },
  };
}

/** The HTTP provider when SMS_API_URL is set; otherwise null, and SMS wait in the outbox (development mailbox). */
export function configuredSmsSender(source: { SMS_API_URL?: string; SMS_API_TOKEN?: string; SMS_SENDER: string }): SmsSender | null {
  return source.SMS_API_URL ? createHttpSmsSender(source.SMS_API_URL, source.SMS_API_TOKEN, source.SMS_SENDER) : null;
}
