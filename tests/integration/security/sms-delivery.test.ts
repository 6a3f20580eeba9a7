import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { outbox } from '@/db/schema';
import { deliverOutboxSms } from '@/lib/sms/deliver';
import { enqueueSms } from '@/lib/sms/outbox';
import { createHttpSmsSender, type OutgoingSms, type SmsSender } from '@/lib/sms/sender';

describe('SMS through the outbox', () => {
  it('sends a pending SMS once through the sender and marks it sent; a second delivery sends nothing', async () => {
    const id = await enqueueSms(db, { recipient: '+4791234567', locale: 'nb', template: 'sms_code', text: '123456 er koden din' });
    const sent: OutgoingSms[] = [];
    const sender: SmsSender = { send: async (sms) => (sent.push(sms), { providerMessageId: 'p-1' }) };
    await expect(deliverOutboxSms(db, sender, id)).resolves.toBe('sent');
    await expect(deliverOutboxSms(db, sender, id)).resolves.toBe('skipped');
    expect(sent).toEqual([{ idempotencyKey: id, to: '+4791234567', text: '123456 er koden din' }]);
    const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
    // The code in the text does not stay at rest once delivered.
    expect(row).toMatchObject({ status: 'sent', providerMessageId: 'p-1', channel: 'sms', bodyText: '' });
  });

  it('posts JSON with the token and idempotency key; a provider error leaves the row pending with the error', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response('nope', { status: 503 });
    }) as unknown as typeof fetch;
    const sender = createHttpSmsSender('https://sms.example/send', 'hemmelig', 'Amili', fakeFetch);
    const id = await enqueueSms(db, { recipient: '+4798765432', locale: 'en', template: 'sms_code', text: 'code' });
    await expect(deliverOutboxSms(db, sender, id)).rejects.toThrow(/503/);
    expect(calls[0]?.url).toBe('https://sms.example/send');
    expect(calls[0]?.init.headers).toMatchObject({ Authorization: 'Bearer hemmelig', 'Idempotency-Key': `outbox/${id}` });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ to: '+4798765432', from: 'Amili', text: 'code' });
    const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'SMS provider answered 503' });
  });
});
