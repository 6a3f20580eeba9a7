import { afterEach, describe, expect, it, vi } from 'vitest';
import { decode } from 'next-auth/jwt';
import { decodeSessionToken, encodeSessionToken } from '@/lib/auth/session-token';

const secret = 'a-test-secret-that-is-long-enough-for-hkdf';
const salt = 'authjs.session-token';

afterEach(() => {
  vi.useRealTimers();
});

describe('the session cookie, remembered', () => {
  it('decodes what Auth.js encodes, and Auth.js decodes what it encodes', async () => {
    const token = await encodeSessionToken({ token: { sid: 'session-1' }, secret, salt, maxAge: 600 });
    await expect(decodeSessionToken({ token, secret, salt })).resolves.toMatchObject({ sid: 'session-1' });
    await expect(decodeSessionToken({ token, secret, salt })).resolves.toMatchObject({ sid: 'session-1' });
    await expect(decode({ token, secret, salt })).resolves.toMatchObject({ sid: 'session-1' });
  });

  it('a remembered token is refused once it has expired, a tampered one and another secret are never accepted', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T12:00:00Z'), toFake: ['Date'] });
    const token = await encodeSessionToken({ token: { sid: 'session-2' }, secret, salt, maxAge: 60 });
    await expect(decodeSessionToken({ token, secret, salt })).resolves.toMatchObject({ sid: 'session-2' });
    await expect(decodeSessionToken({ token, secret: 'another-secret-of-enough-length-for-it', salt })).rejects.toThrow();
    const parts = token.split('.');
    parts[3] = `${parts[3]?.slice(0, -2)}AA`;
    await expect(decodeSessionToken({ token: parts.join('.'), secret, salt })).rejects.toThrow();
    vi.setSystemTime(new Date('2026-12-07T12:02:00Z'));
    await expect(decodeSessionToken({ token, secret, salt })).rejects.toThrow();
  });

  it('the same token re-encoded within a minute is the same cookie; a minute later a fresh one', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T12:00:00Z'), toFake: ['Date'] });
    const first = await encodeSessionToken({ token: { sid: 'session-3' }, secret, salt, maxAge: 600 });
    await expect(encodeSessionToken({ token: { sid: 'session-3' }, secret, salt, maxAge: 600 })).resolves.toBe(first);
    await expect(encodeSessionToken({ token: { sid: 'session-4' }, secret, salt, maxAge: 600 })).resolves.not.toBe(first);
    vi.setSystemTime(new Date('2026-12-07T12:01:01Z'));
    await expect(encodeSessionToken({ token: { sid: 'session-3' }, secret, salt, maxAge: 600 })).resolves.not.toBe(first);
  });
});
