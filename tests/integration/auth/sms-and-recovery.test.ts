import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { events, outbox, secondFactors, smsCodes } from '@/db/schema';
import { replaceRecoveryCodes } from '@/lib/auth/recovery-codes';
import { getLiveSession } from '@/lib/auth/session';
import { authenticatePassword, verifySecondFactor } from '@/lib/auth/sign-in';
import { checkSmsCode, createSmsCode, SMS_CODE_MAX_TRIES, SMS_CODE_TTL_MS } from '@/lib/auth/sms-codes';
import { makeUser } from '@/tests/helpers/factories';

let address = 0;
const nextClient = () => ({ ipAddress: `10.90.0.${++address}`, userAgent: 'vitest' });

async function pending(user: Awaited<ReturnType<typeof makeUser>>) {
  const result = await authenticatePassword(db, user.email, user.password, nextClient());
  if (!result.ok) throw new Error(result.reason);
  return { sessionId: result.sessionId, userId: user.id, email: user.email };
}

async function smsUser() {
  const user = await makeUser(db);
  await db.insert(secondFactors).values({ userId: user.id, method: 'sms', phone: '+4791234567', confirmedAt: new Date() });
  return user;
}

describe('SMS codes', () => {
  it('signs in with a code once; the same code is refused the second time', async () => {
    const user = await smsUser();
    const session = await pending(user);
    const code = await createSmsCode(db, user.id, 'sign_in', '+4791234567', new Date());
    const [stored] = await db.select().from(smsCodes).where(eq(smsCodes.userId, user.id));
    expect(stored?.codeHash).not.toContain(code);
    const ok = await verifySecondFactor(db, session, { method: 'sms', code }, nextClient());
    expect(ok).toMatchObject({ ok: true });
    const again = await pending(user);
    await expect(verifySecondFactor(db, again, { method: 'sms', code }, nextClient())).resolves.toEqual({ ok: false, reason: 'expired' });
  });

  it('expires after five minutes (moved clock)', async () => {
    const user = await smsUser();
    const sent = new Date('2026-12-02T10:00:00Z');
    const code = await createSmsCode(db, user.id, 'setup', '+4791234567', sent);
    const justBefore = new Date(sent.getTime() + SMS_CODE_TTL_MS - 1000);
    const after = new Date(sent.getTime() + SMS_CODE_TTL_MS + 1);
    await expect(checkSmsCode(db, user.id, 'setup', code, after)).resolves.toEqual({ result: 'expired' });
    await expect(checkSmsCode(db, user.id, 'setup', code, justBefore)).resolves.toEqual({ result: 'ok', phone: '+4791234567' });
  });

  it('allows at most five tries per code, even in a parallel burst, and then not even the right code', async () => {
    const user = await smsUser();
    const now = new Date();
    const code = await createSmsCode(db, user.id, 'setup', '+4791234567', now);
    const wrong = code === '000000' ? '111111' : '000000';
    const results = await Promise.all(Array.from({ length: 20 }, () => checkSmsCode(db, user.id, 'setup', wrong, now)));
    const [row] = await db.select().from(smsCodes).where(eq(smsCodes.userId, user.id));
    expect(row?.attempts).toBe(SMS_CODE_MAX_TRIES);
    expect(results.filter((r) => r.result === 'invalid')).toHaveLength(SMS_CODE_MAX_TRIES - 1);
    await expect(checkSmsCode(db, user.id, 'setup', code, now)).resolves.toEqual({ result: 'tooManyTries' });
  });
});

describe('recovery codes', () => {
  it('accepts each code once in place of the second factor, records and emails its use', async () => {
    const user = await makeUser(db);
    const [code] = await replaceRecoveryCodes(db, user.id);
    if (!code) throw new Error('no code');
    const first = await verifySecondFactor(db, await pending(user), { method: 'recovery', code: code.toUpperCase() }, nextClient());
    if (!first.ok) throw new Error(first.reason);
    expect((await getLiveSession(db, first.sessionId))?.secondFactorVerifiedAt).toBeInstanceOf(Date);
    const second = await pending(user);
    await expect(verifySecondFactor(db, second, { method: 'recovery', code }, nextClient())).resolves.toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect((await getLiveSession(db, second.sessionId))?.secondFactorVerifiedAt).toBeNull();
    const used = await db.select().from(events).where(eq(events.subjectId, user.id));
    expect(used.filter((e) => e.type === 'user.recovery_code_used')).toHaveLength(1);
    const mail = await db.select().from(outbox).where(eq(outbox.recipient, user.email));
    expect(mail.map((m) => m.template)).toEqual(['recovery_code_used']);
  });

  it('regenerating voids the old codes', async () => {
    const user = await makeUser(db);
    const [old] = await replaceRecoveryCodes(db, user.id);
    const fresh = await replaceRecoveryCodes(db, user.id);
    await expect(verifySecondFactor(db, await pending(user), { method: 'recovery', code: old ?? '' }, nextClient())).resolves.toEqual({
      ok: false,
      reason: 'invalid',
    });
    await expect(
      verifySecondFactor(db, await pending(user), { method: 'recovery', code: fresh[3] ?? '' }, nextClient()),
    ).resolves.toMatchObject({ ok: true });
  });
});
