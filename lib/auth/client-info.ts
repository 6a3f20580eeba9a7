import 'server-only';
import { cookies, headers } from 'next/headers';
import { env } from '@/lib/env';
import { clientAddress, warnOnceAboutProxy } from '@/lib/client-address';
import { DEVICE_COOKIE } from './device';

/** The caller's address (see client-address.ts), user agent and device cookie, for throttling and the sessions list. */
export async function getClientInfo() {
  const h = await headers();
  const forwardedFor = h.get('x-forwarded-for');
  warnOnceAboutProxy(forwardedFor, env().TRUSTED_PROXY_HOPS);
  return {
    ipAddress: clientAddress(forwardedFor, env().TRUSTED_PROXY_HOPS) ?? 'unknown',
    userAgent: h.get('user-agent'),
    deviceToken: (await cookies()).get(DEVICE_COOKIE)?.value ?? null,
  };
}
