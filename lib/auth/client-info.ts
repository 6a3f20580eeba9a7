import 'server-only';
import { headers } from 'next/headers';

/** The caller's address for throttling: the first X-Forwarded-For hop (set by Next or the proxy in front). */
export async function getClientInfo() {
  const h = await headers();
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  return { ipAddress: forwarded || h.get('x-real-ip') || 'unknown', userAgent: h.get('user-agent') };
}
