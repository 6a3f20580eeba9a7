import { describe, expect, it } from 'vitest';
import { isDevMailboxEnabled } from '@/lib/email/dev-mailbox';

describe('the development mailbox', () => {
  it('is open in development and closed in production unless DEV_MAILBOX=1', () => {
    expect(isDevMailboxEnabled('development', undefined)).toBe(true);
    expect(isDevMailboxEnabled('test', undefined)).toBe(true);
    expect(isDevMailboxEnabled('production', undefined)).toBe(false);
    expect(isDevMailboxEnabled('production', '0')).toBe(false);
    expect(isDevMailboxEnabled('production', 'true')).toBe(false);
    expect(isDevMailboxEnabled('production', '1')).toBe(true);
  });
});
