import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may go: only public unicast addresses. Refused: the IANA special-purpose ranges (RFC 6890 and
 * its updates) — loopback, private, link-local, CGNAT, ULA, multicast, documentation, benchmarking, reserved —
 * and, for IPv6, anything outside global unicast 2000::/3 plus the v6 ranges that tunnel to IPv4 (6to4, Teredo,
 * NAT64), which could lead back inside. An IPv4-mapped IPv6 address is judged as its IPv4 address.
 */
const refusedV4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];
const refusedV6: [string, number][] = [
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48], // local NAT64
  ['2001::', 23], // IETF protocol assignments, Teredo
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['3fff::', 20], // documentation
];

const refused = new BlockList();
for (const [network, prefix] of refusedV4) refused.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of refusedV6) refused.addSubnet(network, prefix, 'ipv6');
const globalUnicastV6 = new BlockList();
globalUnicastV6.addSubnet('2000::', 3, 'ipv6');
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

const MAPPED_V4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;
const MAPPED_V4_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i;

/** `::ffff:7f00:1` and `::ffff:127.0.0.1` → `127.0.0.1`; anything else as given. */
function unmapped(address: string): string {
  const dotted = MAPPED_V4.exec(address);
  if (dotted?.[1]) return dotted[1];
  const hex = MAPPED_V4_HEX.exec(address);
  if (!hex?.[1] || !hex[2]) return address;
  const high = parseInt(hex[1], 16);
  const low = parseInt(hex[2], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Whether a webhook may connect to this IP address (as DNS or a URL gives it; brackets allowed). */
export function isPublicAddress(raw: string): boolean {
  const address = unmapped(raw.replace(/^\[(.*)\]$/, '$1'));
  const family = isIP(address);
  if (family === 4) return !refused.check(address, 'ipv4');
  if (family === 6) return globalUnicastV6.check(address, 'ipv6') && !refused.check(address, 'ipv6');
  return false;
}

/** Loopback, for the test and demo switch (WEBHOOK_ALLOW_LOCAL_HTTP=1): 127/8 and ::1. */
export function isLoopbackAddress(raw: string): boolean {
  const address = unmapped(raw.replace(/^\[(.*)\]$/, '$1'));
  if (isIP(address) === 4) return loopback.check(address, 'ipv4');
  return isIP(address) === 6 && loopback.check(address, 'ipv6');
}

/** Names that only mean something inside a network: no dot, `localhost`, and the private-use suffixes. */
const INTERNAL_NAME = /(^|\.)(localhost|local|internal|intranet|lan|home|corp|private|home\.arpa)$/i;

export function isInternalName(hostname: string): boolean {
  const name = hostname.replace(/\.$/, '');
  return !name.includes('.') || INTERNAL_NAME.test(name);
}
