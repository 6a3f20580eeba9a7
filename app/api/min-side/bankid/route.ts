import { hasLocale } from 'next-intl';
import { cookies } from 'next/headers';
import type { NextRequest } from 'next/server';
import { db } from '@/db';
import { env } from '@/lib/env';
import { beginBankIdSignIn, SIGN_IN_FLOW_TTL_MS } from '@/lib/debtors/oidc';
import { oidcConfig } from '@/lib/debtors/oidc-config';
import { BANKID_FLOW_COOKIE, bankIdFlowCookieOptions } from '@/lib/debtors/session-cookie';
import { routing } from '@/lib/i18n/routing';

/** POST (the sign-in page's button): off to the identity provider with a fresh state, nonce and PKCE challenge. */
export async function POST(request: NextRequest): Promise<Response> {
  const asked = request.nextUrl.searchParams.get('locale');
  const locale = hasLocale(routing.locales, asked) ? asked : routing.defaultLocale;
  const config = oidcConfig();
  const back = new Response(null, {
    status: 303,
    headers: { Location: `${env().PORTAL_URL}/${locale}/min-side/login?failed=1`, 'Cache-Control': 'no-store' },
  });
  if (!config) return back;
  try {
    const { flowId, url } = await beginBankIdSignIn(db, config, locale);
    (await cookies()).set(BANKID_FLOW_COOKIE, flowId, bankIdFlowCookieOptions(SIGN_IN_FLOW_TTL_MS));
    return new Response(null, { status: 303, headers: { Location: url.href, 'Cache-Control': 'no-store' } });
  } catch {
    // The provider cannot be reached (discovery failed): the page says so, the letter code still works.
    return back;
  }
}
