import 'server-only';
import { cookies } from 'next/headers';
import { db } from '@/db';
import { isProductionDeployment } from '@/lib/http/security-headers';
import {
  createDebtorSession,
  debtorSessionCookieName,
  debtorSessionCookieOptions,
  revokeDebtorSession,
  type DebtorIdentity,
} from '@/lib/auth/debtor-session';

/** Signs this browser in to Min side: the session it had before (if any) ends, a new one carries the identity. */
export async function startDebtorSession(identity: DebtorIdentity) {
  await endDebtorSession();
  const { token, expiresAt } = await createDebtorSession(db, identity);
  (await cookies()).set(debtorSessionCookieName(), token, debtorSessionCookieOptions(expiresAt));
}

export async function endDebtorSession() {
  const jar = await cookies();
  const token = jar.get(debtorSessionCookieName())?.value;
  if (!token) return;
  await revokeDebtorSession(db, token);
  jar.delete(debtorSessionCookieName());
}

/** Names the BankID sign-in in flight (lib/debtors/oidc.ts); only the callback reads it. */
export const BANKID_FLOW_COOKIE = 'min_side_bankid_flow';
export const BANKID_FLOW_COOKIE_PATH = '/api/min-side/bankid';

export function bankIdFlowCookieOptions(ttlMs: number) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: isProductionDeployment(),
    path: BANKID_FLOW_COOKIE_PATH,
    maxAge: Math.floor(ttlMs / 1000),
  };
}
