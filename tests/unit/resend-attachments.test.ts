import { afterEach, describe, expect, it, vi } from 'vitest';
import { createResendSender } from '@/lib/email/sender';

afterEach(() => vi.unstubAllGlobals());

describe('the Resend sender', () => {
  it('sends attachments as Resend expects (filename, base64 content, type) with the outbox id as idempotency key', async () => {
    // The network is the only thing replaced: Resend's HTTP call.
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url: String(url), init });
      return new Response(JSON.stringify({ id: 'msg_1' }), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    const sender = createResendSender('re_test_key', 'Portal <post@test.no>');
    const pdf = Buffer.from('%PDF-1.7 test');
    const result = await sender.send({
      idempotencyKey: 'row-1',
      to: 'regnskap@firma.no',
      subject: 'Bilag',
      text: 't',
      html: '<p>t</p>',
      attachments: [{ filename: 'bilag.pdf', content: pdf, contentType: 'application/pdf' }],
    });
    expect(result).toEqual({ providerMessageId: 'msg_1' });
    expect(calls).toHaveLength(1);
    const body = JSON.parse(String(calls[0]?.init.body)) as {
      attachments: { filename: string; content: string; content_type?: string; contentType?: string }[];
    };
    expect(body.attachments).toHaveLength(1);
    expect(body.attachments[0]?.filename).toBe('bilag.pdf');
    expect(Buffer.from(body.attachments[0]!.content, 'base64').toString()).toBe('%PDF-1.7 test');
    expect(body.attachments[0]?.content_type ?? body.attachments[0]?.contentType).toBe('application/pdf');
    expect(new Headers(calls[0]?.init.headers).get('Idempotency-Key')).toBe('outbox/row-1');
  });
});
