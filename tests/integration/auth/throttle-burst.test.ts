import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { describe, expect, it, onTestFinished } from 'vitest';
import { db } from '@/db';
import { signInAttempts, users } from '@/db/schema';
import { hashPassword, PASSWORD_COST, setPasswordCostForTests, verifyPassword } from '@/lib/auth/password';
import { TEST_PASSWORD_COST } from '@/tests/helpers/password-cost';
import { getLiveSession } from '@/lib/auth/session';
import { authenticatePassword, verifySecondFactor } from '@/lib/auth/sign-in';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ACCOUNT_ADDRESS } from '@/lib/auth/throttle';
import { makeUser } from '@/tests/helpers/factories';

const client = { ipAddress: '10.50.0.1', userAgent: 'vitest' };
const BURST = 50;

async function pendingSession(user: { id: string; email: string; password: string }, from = client) {
  const result = await authenticatePassword(db, user.email, user.password, from);
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  return { sessionId: result.sessionId, userId: user.id, email: user.email };
}

describe('throttling under a parallel burst', () => {
  it('evaluates at most five of fifty parallel wrong passwords for one account', async () => {
    const user = await makeUser(db);
    const results = await Promise.all(Array.from({ length: BURST }, (_, i) => authenticatePassword(db, user.email, `feil-${i}`, client)));
    const evaluated = results.filter((r) => !r.ok && r.reason === 'invalid').length;
    expect(evaluated).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT_ADDRESS);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(BURST - evaluated);
    const recorded = await db.select().from(signInAttempts).where(eq(signInAttempts.email, user.email));
    expect(recorded.length).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT_ADDRESS);
    // Locked now, even for the right password from the same address.
    await expect(authenticatePassword(db, user.email, user.password, client)).resolves.toEqual({ ok: false, reason: 'throttled' });
  });

  it('evaluates at most five of fifty parallel wrong codes at one session', async () => {
    const user = await makeUser(db);
    const session = await pendingSession(user);
    const right = await generate({ secret: user.totpSecret });
    const wrong = right === '123456' ? '654321' : '123456';
    const results = await Promise.all(Array.from({ length: BURST }, () => verifySecondFactor(db, session, wrong, client)));
    // A checked code is refused as wrong, or (the pending session's last try) with "sign in again".
    const evaluated = results.filter((r) => !r.ok && (r.reason === 'invalid' || r.reason === 'signInAgain')).length;
    expect(evaluated).toBeGreaterThan(0);
    expect(evaluated).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT_ADDRESS);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(BURST - evaluated);
    await expect(verifySecondFactor(db, session, right, client)).resolves.toEqual({ ok: false, reason: 'throttled' });
    // The pending session spent its tries: it is over, not signed in.
    expect(await getLiveSession(db, session.sessionId)).toBeNull();
  });
});

describe('lockout is not a weapon', () => {
  it('five wrong passwords from one address leave the owner free elsewhere; only many addresses lock the account', async () => {
    const user = await makeUser(db);
    const attacker = { ipAddress: '10.60.0.1', userAgent: 'attacker' };
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_ADDRESS; i++) await authenticatePassword(db, user.email, `feil-${i}`, attacker);
    await expect(authenticatePassword(db, user.email, user.password, attacker)).resolves.toEqual({ ok: false, reason: 'throttled' });
    await expect(
      authenticatePassword(db, user.email, user.password, { ipAddress: '10.60.0.2', userAgent: 'owner' }),
    ).resolves.toMatchObject({ ok: true });

    // The per-account ceiling: failures spread over many addresses.
    const spread = MAX_FAILURES_PER_ACCOUNT - MAX_FAILURES_PER_ACCOUNT_ADDRESS;
    for (let i = 0; i < spread; i++) await authenticatePassword(db, user.email, 'feil', { ipAddress: `10.61.0.${i}`, userAgent: null });
    await expect(authenticatePassword(db, user.email, user.password, { ipAddress: '10.60.0.3', userAgent: 'owner' })).resolves.toEqual({
      ok: false,
      reason: 'throttled',
    });
    // Twenty deliberate password hashes in a row: room for a loaded machine.
  }, 120_000);
});

describe('sessions', () => {
  it('gets a new session id when the second factor completes; the pending id dies', async () => {
    const user = await makeUser(db);
    const session = await pendingSession(user, { ipAddress: '10.70.0.1', userAgent: 'vitest' });
    const result = await verifySecondFactor(db, session, await generate({ secret: user.totpSecret }), {
      ipAddress: '10.70.0.1',
      userAgent: 'vitest',
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.sessionId).not.toBe(session.sessionId);
    expect(await getLiveSession(db, session.sessionId)).toBeNull();
    const live = await getLiveSession(db, result.sessionId);
    expect(live?.secondFactorVerifiedAt).toBeInstanceOf(Date);
    expect(live?.reauthenticatedAt).toBeInstanceOf(Date);
  });
});

describe('password hashing', () => {
  it('hashes with scrypt N=2^17 and upgrades an older hash at the next successful sign-in', async () => {
    setPasswordCostForTests(PASSWORD_COST); // the production cost, for this test only
    onTestFinished(() => setPasswordCostForTests(TEST_PASSWORD_COST));
    const user = await makeUser(db);
    const { scrypt, randomBytes } = await import('node:crypto');
    const salt = randomBytes(16);
    const key = await new Promise<Buffer>((resolve, reject) =>
      scrypt(user.password.normalize('NFKC'), salt, 32, { N: 2 ** 14, r: 8, p: 1 }, (e, k) => (e ? reject(e) : resolve(k))),
    );
    const old = ['scrypt', 2 ** 14, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    await db.update(users).set({ passwordHash: old }).where(eq(users.id, user.id));
    await expect(authenticatePassword(db, user.email, user.password, { ipAddress: '10.80.0.1', userAgent: null })).resolves.toMatchObject({
      ok: true,
    });
    const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash.startsWith('scrypt$131072$8$1$')).toBe(true);
    await expect(verifyPassword(user.password, row?.passwordHash ?? '')).resolves.toBe(true);
    setPasswordCostForTests(TEST_PASSWORD_COST); // salted: two hashes differ at any cost
    expect(await hashPassword('x')).not.toBe(await hashPassword('x'));
  });
});
