import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { MESSAGE_CACHE } from '@/lib/i18n/message-cache';
import nb from '@/messages/nb.json';

// lib/i18n/request.ts hands MESSAGE_CACHE to next-intl as `_cache`, a parameter its translators take but do not
// document: if an upgrade stops using it, this fails rather than every request silently compiling messages again.
describe('the process-wide cache of compiled messages', () => {
  it('compiles a message with values once, whatever the values and however many requests translate it', () => {
    const request = () =>
      createTranslator({ locale: 'nb', messages: nb, namespace: 'caseList', timeZone: 'Europe/Oslo', _cache: MESSAGE_CACHE });
    const before = Object.keys(MESSAGE_CACHE.message).length;
    const first = request()('exportTooLarge', { max: 100_000 });
    const compiled = Object.keys(MESSAGE_CACHE.message).length;
    expect(compiled).toBe(before + 1);
    const second = request()('exportTooLarge', { max: 5 });
    expect(Object.keys(MESSAGE_CACHE.message).length).toBe(compiled);
    expect(first).toContain('100');
    expect(second).toContain('5');
    expect(second).not.toBe(first);
  });
});
