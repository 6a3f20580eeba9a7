import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { outbox, sessions, users } from '@/db/schema';
import { replaceRecoveryCodes } from '@/lib/auth/recovery-codes';
import { getLiveSession } from '@/lib/auth/session';
import { authenticatePassword, verifySecondFactor } from '@/lib/auth/sign-in';
import { renderEmail } from '@/lib/email/render';
import { makeUser } from '@/tests/helpers/factories';

// Reference values from the issue (#22, Medium 5), written here rather than imported from the code under test.
const PENDING_MINUTES = 10;
const TRIES_PER_PENDING_SESSION = 5;
const WARN_AFTER_FAILURES = 3;
const RECOVERY_ONLY_AFTER_FAILURES = 10;

let address = 0;
// A fresh address per call, so the per-address throttle never hides what these rules do.
const nextClient = () => ({ ipAddress: `10.120.${Math.floor(++address / 250)}.${address % 250}`, userAgent: 'vitest' });

async function pending(user: { id: string; email: string; password: string }) {
  const result = await authenticatePassword(db, user.email, user.password, nextClient());
  if (!result.ok) throw new Error(result.reason);
  return { sessionId: result.sessionId, userId: user.id, email: user.email };
}

async function wrongCode(user: { totpSecret: string }) {
  const right = await generate({ secret: user.totpSecret });
  return right === '123456' ? '654321' : '123456';
}

async function warnings(email: string) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, email), eq(outbox.template, 'second_factor_failures')));
}

describe('a pending (password-only) session', () => {
  it(`lives ${PENDING_MINUTES} minutes, not the twelve hours of a signed-in session`, async () => {
    const user = await makeUser(db);
    const session = await pending(user);
    const [row] = await db.select().from(sessions).where(eq(sessions.id, session.sessionId));
    const created = row?.createdAt ?? new Date();
    expect(await getLiveSession(db, session.sessionId, new Date(created.getTime() + (PENDING_MINUTES - 1) * 60_000))).not.toBeNull();
    expect(await getLiveSession(db, session.sessionId, new Date(created.getTime() + (PENDING_MINUTES + 1) * 60_000))).toBeNull();
  });

  it(`allows ${TRIES_PER_PENDING_SESSION} tries even in a parallel burst from many addresses, then needs the password again`, async () => {
    const user = await makeUser(db);
    const session = await pending(user);
    const wrong = await wrongCode(user);
    const results = await Promise.all(Array.from({ length: 20 }, () => verifySecondFactor(db, session, wrong, nextClient())));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(TRIES_PER_PENDING_SESSION - 1);
    expect(results.filter((r) => !r.ok && r.reason === 'signInAgain')).toHaveLength(20 - (TRIES_PER_PENDING_SESSION - 1));
    expect(await getLiveSession(db, session.sessionId)).toBeNull();
    // Not even the right code completes the spent session (refused as spent, or by then by the account's throttle).
    const right = await generate({ secret: user.totpSecret });
    await expect(verifySecondFactor(db, session, right, nextClient())).resolves.toMatchObject({ ok: false });
    expect(await getLiveSession(db, session.sessionId)).toBeNull();
  });
});

describe('repeated second-factor failures after the right password', () => {
  it(`email the owner once at ${WARN_AFTER_FAILURES} failures, counted across pending sessions`, async () => {
    const user = await makeUser(db);
    const wrong = await wrongCode(user);
    const first = await pending(user);
    for (let i = 0; i < WARN_AFTER_FAILURES - 1; i++) await verifySecondFactor(db, first, wrong, nextClient());
    expect(await warnings(user.email)).toEqual([]);
    const second = await pending(user);
    await verifySecondFactor(db, second, wrong, nextClient());
    await verifySecondFactor(db, second, wrong, nextClient());
    const sent = await warnings(user.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toBe(
      renderEmail('nb', { template: 'second_factor_failures', securityUrl: 'x', at: new Date(), recoveryOnly: false }).subject,
    );
    expect(sent[0]?.bodyText).toContain('feil engangskode');
  });

  it(`accept only a recovery code after ${RECOVERY_ONLY_AFTER_FAILURES} (a burst cannot pass the cap), say so by email, and reset after a sign-in`, async () => {
    const user = await makeUser(db);
    const [recovery] = await replaceRecoveryCodes(db, user.id);
    const wrong = await wrongCode(user);
    // Three pending sessions, five tries each, all at once: at most ten are counted and checked.
    const spent = await Promise.all([pending(user), pending(user), pending(user)]);
    const results = await Promise.all(
      spent.flatMap((s) => Array.from({ length: TRIES_PER_PENDING_SESSION }, () => verifySecondFactor(db, s, wrong, nextClient()))),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'recoveryRequired')).toHaveLength(
      3 * TRIES_PER_PENDING_SESSION - RECOVERY_ONLY_AFTER_FAILURES,
    );
    const [row] = await db.select({ failures: users.secondFactorFailures }).from(users).where(eq(users.id, user.id));
    expect(row?.failures).toBe(RECOVERY_ONLY_AFTER_FAILURES);

    const right = await generate({ secret: user.totpSecret });
    await expect(verifySecondFactor(db, await pending(user), right, nextClient())).resolves.toEqual({
      ok: false,
      reason: 'recoveryRequired',
    });
    const mails = await warnings(user.email);
    expect(mails).toHaveLength(2);
    expect(mails.some((m) => m.bodyText.includes('bare en gjenopprettingskode'))).toBe(true);

    await expect(
      verifySecondFactor(db, await pending(user), { method: 'recovery', code: recovery ?? '' }, nextClient()),
    ).resolves.toMatchObject({ ok: true });
    // After a completed sign-in the app's code works again.
    await expect(verifySecondFactor(db, await pending(user), right, nextClient())).resolves.toMatchObject({ ok: true });
  }, 90_000);
});
