import { cookies } from 'next/headers';
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { db } from '@/db';
import { env } from '@/lib/env';
import { finishBankIdSignIn } from '@/lib/debtors/oidc';
import { oidcConfig } from '@/lib/debtors/oidc-config';
import { BANKID_FLOW_COOKIE, BANKID_FLOW_COOKIE_PATH, startDebtorSession } from '@/lib/debtors/session-cookie';
import { routing } from '@/lib/i18n/routing';

function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: `${env().PORTAL_URL}${path}`, 'Cache-Control': 'no-store' } });
}

/**
 * GET: the identity provider sends the browser back here. The flow named by this browser's cookie is used once;
 * a missing or foreign cookie, a state or nonce that does not match, or an error answer: back to the sign-in page.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const jar = await cookies();
  const flowId = jar.get(BANKID_FLOW_COOKIE)?.value ?? '';
  jar.delete({ name: BANKID_FLOW_COOKIE, path: BANKID_FLOW_COOKIE_PATH });
  const config = oidcConfig();
  if (!config || !z.uuid().safeParse(flowId).success) return seeOther(`/${routing.defaultLocale}/min-side/login?failed=1`);
  const result = await finishBankIdSignIn(db, config, flowId, request.nextUrl.searchParams);
  const locale = result.locale === 'en' ? 'en' : routing.defaultLocale;
  if (!result.ok) return seeOther(`/${locale}/min-side/login?failed=1`);
  await startDebtorSession(result.identity);
  return seeOther(`/${locale}/min-side`);
}
