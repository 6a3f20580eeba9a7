import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { events, secondFactors, sessions, signInAttempts, users } from '@/db/schema';
import { getLiveSession, revokeSession } from '@/lib/auth/session';
import { authenticatePassword, verifySecondFactor } from '@/lib/auth/sign-in';
import { makeUser } from '@/tests/helpers/factories';

const client = { ipAddress: '10.9.8.7', userAgent: 'vitest' };

async function passwordStep(user: { email: string; password: string }) {
  const result = await authenticatePassword(db, user.email, user.password, client);
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  return result.sessionId;
}

describe('password step', () => {
  it('creates a session that still needs the second factor', async () => {
    const user = await makeUser(db);
    const sessionId = await passwordStep(user);
    const live = await getLiveSession(db, sessionId);
    expect(live).toMatchObject({ userId: user.id, email: user.email, secondFactorVerifiedAt: null });
  });

  it('answers a wrong password and an unknown email alike, and records both attempts', async () => {
    const user = await makeUser(db);
    await expect(authenticatePassword(db, user.email, 'feil', client)).resolves.toEqual({ ok: false, reason: 'invalid' });
    await expect(authenticatePassword(db, 'ingen@test.no', 'feil', client)).resolves.toEqual({ ok: false, reason: 'invalid' });
    const attempts = await db.select().from(signInAttempts).where(eq(signInAttempts.ipAddress, client.ipAddress));
    expect(attempts.filter((a) => !a.succeeded).map((a) => a.email)).toEqual(expect.arrayContaining([user.email, 'ingen@test.no']));
    const [failedEvent] = await db
      .select()
      .from(events)
      .where(and(eq(events.subjectId, user.id), eq(events.type, 'user.sign_in_failed')));
    expect(failedEvent?.data).toEqual({ step: 'password' });
  });

  it('throttles an account after five failures, per account and not for others', async () => {
    const user = await makeUser(db);
    const other = await makeUser(db);
    const elsewhere = { ...client, ipAddress: '10.1.1.1' };
    for (let i = 0; i < 5; i++) await authenticatePassword(db, user.email, `feil-${i}`, elsewhere);
    await expect(authenticatePassword(db, user.email, user.password, elsewhere)).resolves.toEqual({ ok: false, reason: 'throttled' });
    await expect(authenticatePassword(db, other.email, other.password, elsewhere)).resolves.toMatchObject({ ok: true });
  });

  it('throttles an address after thirty failures across accounts', async () => {
    const ip = { ...client, ipAddress: '10.2.2.2' };
    // In one burst: each refusal costs a deliberate password hash, and all thirty must still be counted.
    await Promise.all(Array.from({ length: 30 }, (_, i) => authenticatePassword(db, `ukjent-${i}@test.no`, 'feil', ip)));
    const user = await makeUser(db);
    await expect(authenticatePassword(db, user.email, user.password, ip)).resolves.toEqual({ ok: false, reason: 'throttled' });
  });
});

describe('second factor step', () => {
  it('completes the session with the current code, records the sign-in, and refuses the same code again', async () => {
    const user = await makeUser(db);
    const sessionId = await passwordStep(user);
    const session = { sessionId, userId: user.id, email: user.email };
    const code = await generate({ secret: user.totpSecret });
    const verified = await verifySecondFactor(db, session, code, client);
    if (!verified.ok) throw new Error(`refused: ${verified.reason}`);
    expect((await getLiveSession(db, verified.sessionId))?.secondFactorVerifiedAt).toBeInstanceOf(Date);
    const [row] = await db.select({ lastSignInAt: users.lastSignInAt }).from(users).where(eq(users.id, user.id));
    expect(row?.lastSignInAt).toBeInstanceOf(Date);
    const signedIn = await db
      .select()
      .from(events)
      .where(and(eq(events.subjectId, user.id), eq(events.type, 'user.signed_in')));
    expect(signedIn).toHaveLength(1);

    const second = await passwordStep(user);
    await expect(verifySecondFactor(db, { ...session, sessionId: second }, code, client)).resolves.toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect((await getLiveSession(db, second))?.secondFactorVerifiedAt).toBeNull();
  });

  it('refuses a wrong code, ends the pending session at the fifth and throttles the address', async () => {
    const user = await makeUser(db);
    const sessionId = await passwordStep(user);
    const session = { sessionId, userId: user.id, email: user.email };
    const right = await generate({ secret: user.totpSecret });
    const wrong = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 4; i++)
      await expect(verifySecondFactor(db, session, wrong, client)).resolves.toEqual({ ok: false, reason: 'invalid' });
    await expect(verifySecondFactor(db, session, wrong, client)).resolves.toEqual({ ok: false, reason: 'signInAgain' });
    expect(await getLiveSession(db, sessionId)).toBeNull();
    await expect(verifySecondFactor(db, session, right, client)).resolves.toEqual({ ok: false, reason: 'throttled' });
  });

  it('stores the TOTP secret encrypted, never in clear text', async () => {
    const user = await makeUser(db);
    const [factor] = await db.select().from(secondFactors).where(eq(secondFactors.userId, user.id));
    expect(factor?.secretEncrypted).toBeTruthy();
    expect(factor?.secretEncrypted).not.toContain(user.totpSecret);
  });
});

describe('live sessions', () => {
  it('dies when revoked, when the user changes password (session version) or is deleted', async () => {
    const user = await makeUser(db);
    const revoked = await passwordStep(user);
    await revokeSession(db, revoked);
    expect(await getLiveSession(db, revoked)).toBeNull();

    const beforePasswordChange = await passwordStep(user);
    await db
      .update(users)
      .set({ sessionVersion: user.sessionVersion + 1 })
      .where(eq(users.id, user.id));
    expect(await getLiveSession(db, beforePasswordChange)).toBeNull();

    const beforeDeletion = await passwordStep(user);
    expect(await getLiveSession(db, beforeDeletion)).not.toBeNull();
    await db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, user.id));
    expect(await getLiveSession(db, beforeDeletion)).toBeNull();
  });

  it('dies when expired', async () => {
    const user = await makeUser(db);
    const sessionId = await passwordStep(user);
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, sessionId));
    expect(await getLiveSession(db, sessionId)).toBeNull();
  });
});
