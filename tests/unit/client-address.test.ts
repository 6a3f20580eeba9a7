import { describe, expect, it, vi } from 'vitest';
import { clientAddress, isPrivateAddress, parseTrustedProxyHops, throttleAddress, warnOnceAboutProxy } from '@/lib/client-address';
import { loadEnv } from '@/lib/env';

const secrets = { AUTH_SECRET: 'x'.repeat(32), ENCRYPTION_KEY: 'ab'.repeat(32) };

describe('TRUSTED_PROXY_HOPS', () => {
  it('defaults to 0 and accepts whole numbers up to 10', () => {
    expect(parseTrustedProxyHops(undefined)).toBe(0);
    expect(parseTrustedProxyHops('')).toBe(0);
    expect(parseTrustedProxyHops('2')).toBe(2);
    expect(loadEnv({ ...secrets, TRUSTED_PROXY_HOPS: '1' }).TRUSTED_PROXY_HOPS).toBe(1);
  });

  it('stops the start with a clear error for a bad value', () => {
    for (const bad of ['-1', 'one', '1.5', '11', '2 proxies']) {
      expect(() => loadEnv({ ...secrets, TRUSTED_PROXY_HOPS: bad })).toThrow(/TRUSTED_PROXY_HOPS/);
    }
  });
});

describe('client address', () => {
  it('with no trusted proxy, takes the socket address our server appended, never the client claim', () => {
    expect(clientAddress('6.6.6.6, 10.0.0.5', 0)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', 0)).toBe('10.0.0.5');
  });

  it('with trusted proxies, takes the entry that many places left of the socket address', () => {
    // client claims 6.6.6.6; the real client 203.0.113.9; our proxy 10.0.0.2 connected to us
    expect(clientAddress('6.6.6.6, 203.0.113.9, 10.0.0.2', 1)).toBe('203.0.113.9');
    expect(clientAddress('6.6.6.6, 203.0.113.9, 10.1.0.1, 10.0.0.2', 2)).toBe('203.0.113.9');
  });

  it('falls back to the nearest entry there is when the request skipped a proxy, and null without any', () => {
    expect(clientAddress('10.0.0.5', 2)).toBe('10.0.0.5');
    expect(clientAddress(null, 0)).toBeNull();
  });
});

describe('throttle address', () => {
  it('counts an IPv6 client by its /64, however it spells the address', () => {
    const key = '2001:db8:1:2::/64';
    for (const spelling of [
      '2001:db8:1:2::1',
      '2001:0db8:0001:0002:ffff:ffff:ffff:ffff',
      '2001:DB8:1:2:0:0:0:beef',
      '2001:db8:1:2::1%eth0',
    ]) {
      expect(throttleAddress(spelling)).toBe(key);
    }
    expect(throttleAddress('2001:db8:1:3::1')).not.toBe(key);
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
  });

  it('keeps IPv4 as it is, and an IPv4-mapped IPv6 address as its IPv4 address', () => {
    expect(throttleAddress('203.0.113.9')).toBe('203.0.113.9');
    expect(throttleAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(throttleAddress('unknown')).toBe('unknown');
  });
});

describe('the proxy warning', () => {
  it('knows private, loopback, CGNAT, link-local and unique-local addresses', () => {
    for (const address of [
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.1',
      '192.168.1.1',
      '127.0.0.1',
      '100.64.0.1',
      '169.254.1.1',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
    ]) {
      expect(isPrivateAddress(address)).toBe(true);
    }
    for (const address of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '2001:db8::1', '203.0.113.9'])
      expect(isPrivateAddress(address)).toBe(false);
  });

  it('is logged once when requests come through a private-address proxy while TRUSTED_PROXY_HOPS is 0', () => {
    const log = vi.fn();
    warnOnceAboutProxy('203.0.113.9, 10.0.0.2', 1, log);
    warnOnceAboutProxy('10.0.0.2', 0, log);
    warnOnceAboutProxy('203.0.113.9, 198.51.100.7', 0, log);
    expect(log).not.toHaveBeenCalled();
    warnOnceAboutProxy('203.0.113.9, 10.0.0.2', 0, log);
    warnOnceAboutProxy('203.0.113.10, 10.0.0.2', 0, log);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toMatch(/TRUSTED_PROXY_HOPS/);
  });
});
