import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxyHops } from '@/lib/client-address';
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
