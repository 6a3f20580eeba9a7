import { describe, expect, it } from 'vitest';
import { isDevMailboxEnabled } from '@/lib/email/dev-mailbox';
import { demoModeFor } from '@/lib/env';

describe('the demo switch', () => {
  it('runs the demo outside production, and in production only with SEED_DEMO=1', () => {
    expect(demoModeFor({})).toBe(true);
    expect(demoModeFor({ DATABASE_URL: 'postgres://localhost/portal' })).toBe(true);
    expect(demoModeFor({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/portal' })).toBe(false);
    expect(demoModeFor({ NODE_ENV: 'production', SEED_DEMO: '1' })).toBe(true);
    expect(demoModeFor({ PORTAL_DEMO: '0' })).toBe(false);
  });

  it('refuses PORTAL_DEMO=1 in production unless SEED_DEMO=1 is set on purpose', () => {
    expect(() => demoModeFor({ NODE_ENV: 'production', PORTAL_DEMO: '1' })).toThrow(/SEED_DEMO=1/);
    expect(demoModeFor({ NODE_ENV: 'production', PORTAL_DEMO: '1', SEED_DEMO: '1' })).toBe(true);
  });

  it('opens the development mailbox only in the demo or under next dev', () => {
    expect(isDevMailboxEnabled(true, 'production')).toBe(true);
    expect(isDevMailboxEnabled(false, 'production')).toBe(false);
    expect(isDevMailboxEnabled(false, 'development')).toBe(true);
    expect(isDevMailboxEnabled(false, 'test')).toBe(false);
  });
});
