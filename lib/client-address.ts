/**
 * The client's address for throttling. Our server (lib/cli/serve.ts) appends the socket address to
 * X-Forwarded-For, as a well-behaved proxy does, so the rightmost entry is always the peer we talk to. With
 * TRUSTED_PROXY_HOPS = n we trust n proxies in front of us and take the entry n places left of it; entries further
 * left are the client's own claims and never used.
 */
/** The caller as throttling and the sessions list see it. */
export type Client = { ipAddress: string; userAgent: string | null };

export const MAX_PROXY_HOPS = 10;

export function parseTrustedProxyHops(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 0;
  const value = raw.trim();
  if (!/^\d+$/.test(value) || Number(value) > MAX_PROXY_HOPS) {
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to ${MAX_PROXY_HOPS} (got "${raw}").`);
  }
  return Number(value);
}

export function clientAddress(forwardedFor: string | null | undefined, hops: number): string | null {
  const entries = forwardedFor?.split(',').map((entry) => entry.trim()).filter(Boolean) ?? [];
  // Fewer entries than trusted hops: the request skipped a proxy; the nearest view we have is the best left.
  return entries.at(-1 - hops) ?? entries[0] ?? null;
}
