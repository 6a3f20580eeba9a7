import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { events, outbox } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { getLiveSession } from '@/lib/auth/session';
import { authenticatePassword, verifySecondFactor } from '@/lib/auth/sign-in';
import { DomainError } from '@/lib/errors';
import {
  assertRecentlyAuthenticated,
  changePassword,
  lockConfiguredMethods,
  removeMethod,
  REAUTH_WINDOW_MS,
  signOutOtherSessions,
} from '@/lib/auth/settings/mutations';
import { passwordProblem } from '@/lib/auth/password-policy';
import { makeUser } from '@/tests/helpers/factories';

let address = 0;
const nextClient = () => ({ ipAddress: `10.95.0.${++address}`, userAgent: 'vitest' });

async function signedIn(user: Awaited<ReturnType<typeof makeUser>>, step: number) {
  const first = await authenticatePassword(db, user.email, user.password, nextClient());
  if (!first.ok) throw new Error(first.reason);
  const code = await generate({ secret: user.totpSecret, epoch: Math.floor(Date.now() / 1000) + step * 30 });
  const second = await verifySecondFactor(db, { sessionId: first.sessionId, userId: user.id, email: user.email }, code, nextClient());
  if (!second.ok) throw new Error(second.reason);
  return second.sessionId;
}

describe('Endre passord', () => {
  it('keeps this session, kills the others at their next request, refuses the old password, records and emails', async () => {
    const user = await makeUser(db, { locale: 'en' });
    const here = await signedIn(user, -1);
    const elsewhere = await signedIn(user, 0);
    const actor = { userId: user.id, sessionId: here, email: user.email, locale: 'en' as const, reauthenticatedAt: new Date() };
    const newPassword = 'Fjordlys-kaffe-tirsdag-2026';
    const hash = await hashPassword(newPassword);
    await db.transaction((tx) => changePassword(tx, actor, hash, new Date()));
    expect(await getLiveSession(db, here)).not.toBeNull();
    expect(await getLiveSession(db, elsewhere)).toBeNull();
    await expect(authenticatePassword(db, user.email, user.password, nextClient())).resolves.toEqual({ ok: false, reason: 'invalid' });
    await expect(authenticatePassword(db, user.email, newPassword, nextClient())).resolves.toMatchObject({ ok: true });
    const [mail] = await db.select().from(outbox).where(eq(outbox.recipient, user.email));
    expect(mail?.subject).toMatch(/^Your .+ password has been changed$/);
    expect(mail?.template).toBe('password_changed');
    expect(mail?.locale).toBe('en');
    const recorded = await db.select().from(events).where(eq(events.subjectId, user.id));
    expect(recorded.map((e) => e.type)).toContain('user.password_changed');
  });
});

describe('password policy', () => {
  it('refuses short, email-like and weak passwords and accepts a long phrase', () => {
    expect(passwordProblem('kort-pass', 'ola.nordmann@firma.no')).toBe('tooShort');
    expect(passwordProblem('ola.nordmann-2026!', 'ola.nordmann@firma.no')).toBe('containsEmail');
    expect(passwordProblem('password1234', 'ola@firma.no')).toBe('weak');
    expect(passwordProblem('qwertyuiop123', 'ola@firma.no')).toBe('weak');
    expect(passwordProblem('Fjordlys-kaffe-tirsdag-2026', 'ola@firma.no')).toBeNull();
  });
});

describe('two-factor stays mandatory', () => {
  it('refuses to remove the last method and requires a recent password', async () => {
    const user = await makeUser(db);
    const actor = {
      userId: user.id,
      sessionId: crypto.randomUUID(),
      email: user.email,
      locale: 'nb' as const,
      reauthenticatedAt: new Date(),
    };
    await expect(db.transaction((tx) => removeMethod(tx, actor, 'totp'))).rejects.toEqual(new DomainError('security.errors.lastMethod'));
    expect(await db.transaction((tx) => lockConfiguredMethods(tx, user.id))).toEqual(['totp']);
    const later = new Date(Date.now() + REAUTH_WINDOW_MS + 1000);
    expect(() => assertRecentlyAuthenticated(actor, later)).toThrow(DomainError);
    expect(() => assertRecentlyAuthenticated(actor, new Date())).not.toThrow();
  });
});

describe('Logg ut andre økter', () => {
  it('ends every other live session of the user and keeps this one', async () => {
    const user = await makeUser(db);
    const here = await signedIn(user, -1);
    const other = await signedIn(user, 0);
    const stranger = await makeUser(db);
    const strangers = await signedIn(stranger, 0);
    const actor = { userId: user.id, sessionId: here, email: user.email, locale: 'nb' as const, reauthenticatedAt: new Date() };
    await expect(db.transaction((tx) => signOutOtherSessions(tx, actor, new Date()))).resolves.toBe(1);
    expect(await getLiveSession(db, here)).not.toBeNull();
    expect(await getLiveSession(db, other)).toBeNull();
    expect(await getLiveSession(db, strangers)).not.toBeNull();
  });
});
