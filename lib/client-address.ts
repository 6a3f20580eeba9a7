/**
 * The client's address for throttling. Our server (lib/cli/serve.ts) appends the socket address to
 * X-Forwarded-For, as a well-behaved proxy does, so the rightmost entry is always the peer we talk to. With
 * TRUSTED_PROXY_HOPS = n we trust n proxies in front of us and take the entry n places left of it; entries further
 * left are the client's own claims and never used.
 */
/** The caller as throttling and the sessions list see it; `deviceToken`: the device cookie, if the browser has one. */
export type Client = { ipAddress: string; userAgent: string | null; deviceToken?: string | null };

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
  const entries =
    forwardedFor
      ?.split(',')
      .map((entry) => entry.trim())
      .filter(Boolean) ?? [];
  // Fewer entries than trusted hops: the request skipped a proxy; the nearest view we have is the best left.
  return entries.at(-1 - hops) ?? entries[0] ?? null;
}

/**
 * The key an address is throttled by. An IPv6 client is normally given a whole /64 and can pick any address in
 * it, so the /64 counts as one address; an IPv4-mapped IPv6 address counts as its IPv4 address.
 */
export function throttleAddress(address: string): string {
  const v4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1];
  if (v4) return v4;
  const hextets = expandIPv6(address);
  return hextets ? `${hextets.slice(0, 4).join(':')}::/64` : address;
}

/** Eight hextets (lowercase, no leading zeros) of an IPv6 address, or null when it is not one. */
function expandIPv6(address: string): string[] | null {
  const bare = address.replace(/%.*$/, '').toLowerCase();
  if (!bare.includes(':')) return null;
  const withoutV4 = bare.replace(/(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/, (_all, a, b, c, d) =>
    [(Number(a) << 8) | Number(b), (Number(c) << 8) | Number(d)].map((n) => n.toString(16)).join(':'),
  );
  const halves = withoutV4.split('::');
  if (halves.length > 2) return null;
  const part = (text: string | undefined) => (text ? text.split(':') : []);
  const head = part(halves[0]);
  const tail = part(halves[1]);
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const all = [...head, ...Array.from({ length: fill }, () => '0'), ...tail];
  if (all.length !== 8 || !all.every((h) => /^[0-9a-f]{1,4}$/.test(h))) return null;
  return all.map((h) => parseInt(h, 16).toString(16));
}

/** Loopback, private (RFC 1918, CGNAT), link-local and unique-local addresses: where a proxy would sit. */
export function isPrivateAddress(address: string): boolean {
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/i.exec(address);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 10 ||
      a === 127 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const hextets = expandIPv6(address);
  if (!hextets) return false;
  const first = parseInt(hextets[0] ?? '0', 16);
  const loopback = hextets.slice(0, 7).every((h) => h === '0') && hextets[7] === '1';
  return loopback || (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}

/**
 * With TRUSTED_PROXY_HOPS = 0 every request behind a proxy has the proxy's address, so the throttle counts the
 * whole world as one client (30 failures lock everyone out). A request that carries an earlier X-Forwarded-For
 * entry and reaches us from a private address is almost certainly such a proxy: worth a warning.
 */
export function looksLikeUntrustedProxy(forwardedFor: string | null | undefined, hops: number): boolean {
  if (hops !== 0) return false;
  const entries =
    forwardedFor
      ?.split(',')
      .map((entry) => entry.trim())
      .filter(Boolean) ?? [];
  const peer = entries.at(-1);
  return entries.length >= 2 && peer !== undefined && isPrivateAddress(peer);
}

let warned = false;
/** Logs the proxy warning once per process. */
export function warnOnceAboutProxy(forwardedFor: string | null | undefined, hops: number, log: (message: string) => void = console.warn) {
  if (warned || !looksLikeUntrustedProxy(forwardedFor, hops)) return;
  warned = true;
  log(
    '[auth] Requests arrive through a proxy at a private address while TRUSTED_PROXY_HOPS is 0: every client is throttled as that proxy. Set TRUSTED_PROXY_HOPS to the number of proxies in front of the portal.',
  );
}
