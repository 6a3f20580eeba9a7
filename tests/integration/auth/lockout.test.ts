import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { deviceToken } from '@/lib/auth/device';
import { replaceRecoveryCodes } from '@/lib/auth/recovery-codes';
import { authenticatePassword, verifySecondFactor } from '@/lib/auth/sign-in';
import { makeUser } from '@/tests/helpers/factories';

const wrongPasswords = (n: number) => Array.from({ length: n }, (_, i) => `feil-passord-${i}`);

describe('lockout is not a weapon (issue 22, Medium 7)', () => {
  it('signs the owner in from a known device while four addresses attack the account', async () => {
    const owner = await makeUser(db);
    const home = { ipAddress: '203.0.113.10', userAgent: 'owner' };
    // Yesterday's sign-in on the owner's laptop (with a recovery code, so today's app code is still unused) left
    // its device cookie, as finishSignIn sets it.
    const [recovery] = await replaceRecoveryCodes(db, owner.id);
    const signedIn = await authenticatePassword(db, owner.email, owner.password, home);
    if (!signedIn.ok) throw new Error(signedIn.reason);
    const first = await verifySecondFactor(
      db,
      { sessionId: signedIn.sessionId, userId: owner.id, email: owner.email },
      { method: 'recovery', code: recovery ?? '' },
      home,
    );
    expect(first).toMatchObject({ ok: true });
    const cookie = deviceToken(owner.id, null);

    // The attack: five wrong passwords from each of four addresses, all at once.
    const attackers = ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4'];
    await Promise.all(
      attackers.flatMap((ip) =>
        wrongPasswords(5).map((password) => authenticatePassword(db, owner.email, password, { ipAddress: ip, userAgent: 'attacker' })),
      ),
    );

    // A new browser of the owner is locked out, as before: that is the per-account limit working.
    const café = { ipAddress: '192.0.2.77', userAgent: 'owner' };
    await expect(authenticatePassword(db, owner.email, owner.password, café)).resolves.toEqual({ ok: false, reason: 'throttled' });
    // The known device is not, from the same café, through both steps.
    const known = { ...café, deviceToken: cookie };
    const step1 = await authenticatePassword(db, owner.email, owner.password, known);
    if (!step1.ok) throw new Error(`owner refused: ${step1.reason}`);
    const step2 = await verifySecondFactor(
      db,
      { sessionId: step1.sessionId, userId: owner.id, email: owner.email },
      await generate({ secret: owner.totpSecret }),
      known,
    );
    expect(step2).toMatchObject({ ok: true });
  }, 120_000);

  it('honours a device cookie only for the user it was issued to, and limits a known device on its own', async () => {
    const owner = await makeUser(db);
    const other = await makeUser(db);
    const cookie = deviceToken(owner.id, null);
    const from = { ipAddress: '198.51.100.50', userAgent: 'x', deviceToken: cookie };
    // Another account's cookie is an ordinary browser: five failures from this address lock the pair.
    await Promise.all(wrongPasswords(5).map((password) => authenticatePassword(db, other.email, password, from)));
    await expect(authenticatePassword(db, other.email, other.password, from)).resolves.toEqual({ ok: false, reason: 'throttled' });
    // The owner's known device has five tries of its own, then it is locked too (a stolen cookie is no master key).
    await Promise.all(wrongPasswords(8).map((password) => authenticatePassword(db, owner.email, password, from)));
    await expect(authenticatePassword(db, owner.email, owner.password, from)).resolves.toEqual({ ok: false, reason: 'throttled' });
    // A forged cookie (right id, wrong signature) is ignored.
    const [id] = cookie.split('.');
    const forged = { ...from, ipAddress: '198.51.100.51', deviceToken: `${id}.AAAA` };
    await expect(authenticatePassword(db, owner.email, owner.password, forged)).resolves.toMatchObject({ ok: true });
  }, 90_000);

  it('counts IPv6 addresses per /64: rotating within it does not reset the count', async () => {
    const user = await makeUser(db);
    const inPrefix = (n: number) => ({ ipAddress: `2001:db8:1:2::${n.toString(16)}`, userAgent: 'attacker' });
    await Promise.all(wrongPasswords(5).map((password, i) => authenticatePassword(db, user.email, password, inPrefix(i + 1))));
    await expect(authenticatePassword(db, user.email, user.password, inPrefix(0xbeef))).resolves.toEqual({
      ok: false,
      reason: 'throttled',
    });
    await expect(
      authenticatePassword(db, user.email, user.password, { ipAddress: '2001:db8:1:3::1', userAgent: 'owner' }),
    ).resolves.toMatchObject({ ok: true });
  }, 90_000);
});
