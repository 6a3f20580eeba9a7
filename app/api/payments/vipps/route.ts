import type { NextRequest } from 'next/server';
import { db } from '@/db';
import { gatedRoute } from '@/lib/auth/gate';
import { env } from '@/lib/env';
import { BODY_LIMITS, BodyTooLargeError, bodyTooLarge, readLimited } from '@/lib/http/body-limit';
import { handleVippsCallback } from '@/lib/online-payments/callback';
import { configuredProviderName, paymentProvider } from '@/lib/online-payments/config';

/**
 * POST /api/payments/vipps — public: Vipps MobilePay's ePayment webhook. The HMAC signature over date, host, path
 * and body (VIPPS_WEBHOOK_SECRET) is the permission; nothing is parsed or booked before it checks out.
 */
export const POST = gatedRoute(async (request: NextRequest): Promise<Response> => {
  let body: Uint8Array;
  try {
    body = await readLimited(request, BODY_LIMITS.form);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return bodyTooLarge(error.limit, 'en');
    throw error;
  }
  const header = (name: string) => request.headers.get(name) ?? '';
  const answer = await handleVippsCallback(
    db,
    {
      method: request.method,
      pathAndQuery: request.nextUrl.pathname + request.nextUrl.search,
      host: header('host'),
      date: header('x-ms-date'),
      contentSha256: header('x-ms-content-sha256'),
      authorization: header('authorization'),
      body: new TextDecoder().decode(body),
    },
    { secret: env().VIPPS_WEBHOOK_SECRET, provider: configuredProviderName() === 'vipps' ? paymentProvider('nb') : null },
  );
  return Response.json({ result: answer.result }, { status: answer.status, headers: { 'Cache-Control': 'no-store' } });
});
