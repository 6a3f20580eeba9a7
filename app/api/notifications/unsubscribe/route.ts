import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import type { NextRequest } from 'next/server';
import { db } from '@/db';
import { gatedRoute } from '@/lib/auth/gate';
import { env } from '@/lib/env';
import { BODY_LIMITS, BodyTooLargeError, bodyTooLarge, localeOfRequest, readLimited } from '@/lib/http/body-limit';
import { routing } from '@/lib/i18n/routing';
import { unsubscribe } from '@/lib/notifications/mutations';
import { verifyUnsubscribeToken } from '@/lib/notifications/token';

function text(body: string, status: number): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/**
 * POST /api/notifications/unsubscribe?token=… — public: the signed token is the permission. A mail client's
 * one-click request (RFC 8058, body "List-Unsubscribe=One-Click") gets 200; the page's form gets a 303 back to
 * the page with the outcome. A tampered or expired token changes nothing (404).
 */
export const POST = gatedRoute(async (request: NextRequest): Promise<Response> => {
  let body: Uint8Array;
  try {
    body = await readLimited(request, BODY_LIMITS.form);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return bodyTooLarge(error.limit, localeOfRequest(request.nextUrl.pathname, request.cookies.get('NEXT_LOCALE')?.value));
    throw error;
  }
  const contentType = request.headers.get('content-type') ?? '';
  const form = await new Response(Buffer.from(body), { headers: { 'Content-Type': contentType } }).formData().catch(() => new FormData());
  const token = String(form.get('token') ?? request.nextUrl.searchParams.get('token') ?? '');
  const asked = String(form.get('locale') ?? '');
  const locale = hasLocale(routing.locales, asked) ? asked : routing.defaultLocale;
  const oneClick = form.get('List-Unsubscribe') === 'One-Click';
  const claim = verifyUnsubscribeToken(token, env().AUTH_SECRET);
  const done = claim ? await db.transaction((tx) => unsubscribe(tx, claim)) : false;
  if (oneClick) {
    const t = await getTranslations({ locale, namespace: 'notifications.unsubscribe' });
    return done ? text(t('done'), 200) : text(t('invalid'), 404);
  }
  const query = done && claim ? `done=${claim.kind}` : 'invalid=1';
  // A relative Location stays on the address the browser used (the server's own idea of its host may differ), which
  // the CSP's form-action 'self' requires of a form's redirect.
  return new Response(null, { status: 303, headers: { Location: `/${locale}/unsubscribe?${query}`, 'Cache-Control': 'no-store' } });
});
