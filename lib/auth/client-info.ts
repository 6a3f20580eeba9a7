import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';
import { clientAddress } from '@/lib/client-address';

/** The caller's address (see client-address.ts) and user agent, for throttling and the sessions list. */
export async function getClientInfo() {
  const h = await headers();
  return { ipAddress: clientAddress(h.get('x-forwarded-for'), env().TRUSTED_PROXY_HOPS) ?? 'unknown', userAgent: h.get('user-agent') };
}
