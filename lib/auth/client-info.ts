import 'server-only';
import { headers } from 'next/headers';

/**
 * The caller's address for throttling: the rightmost X-Forwarded-For entry, i.e. what the nearest proxy
 * (or Next itself, when there is none) saw. Entries further left are the client's own claims.
 */
export async function getClientInfo() {
  const h = await headers();
  const hops = h.get('x-forwarded-for')?.split(',').map((hop) => hop.trim()).filter(Boolean) ?? [];
  return { ipAddress: hops.at(-1) || h.get('x-real-ip') || 'unknown', userAgent: h.get('user-agent') };
}
