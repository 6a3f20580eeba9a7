import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { outbox, secondFactors, users } from '@/db/schema';
import { hasOpenSignInSms, sendSmsIfFirstMethod } from '@/lib/auth/sign-in-sms';
import { makeUser } from '@/tests/helpers/factories';

async function smsPreferred() {
  const user = await makeUser(db);
  await db.insert(secondFactors).values({ userId: user.id, method: 'sms', phone: '+4791234567', confirmedAt: new Date() });
  await db.update(users).set({ preferredSecondFactor: 'sms' }).where(eq(users.id, user.id));
  return user;
}

const smsTo = (phone: string) => db.select().from(outbox).where(eq(outbox.recipient, phone));

describe('the second step opening with SMS', () => {
  it('texts the code when the password step succeeds, once, even when the step is opened twice at once', async () => {
    const user = await smsPreferred();
    const now = new Date();
    expect(await hasOpenSignInSms(db, user.id, now)).toBe(false);
    const [a, b] = await Promise.all([
      sendSmsIfFirstMethod(db, { userId: user.id, locale: 'nb' }, now),
      sendSmsIfFirstMethod(db, { userId: user.id, locale: 'nb' }, now),
    ]);
    expect([a?.ok, b?.ok].sort()).toEqual([false, true]);
    const sent = (await smsTo('+4791234567')).filter((row) => row.template === 'sms_code');
    expect(sent.length).toBe(1);
    expect(sent[0]?.bodyText).toMatch(/\d{6}/);
    expect(await hasOpenSignInSms(db, user.id, now)).toBe(true);
    // Five minutes later the code is gone, and the page no longer claims one was sent.
    expect(await hasOpenSignInSms(db, user.id, new Date(now.getTime() + 5 * 60_000 + 1))).toBe(false);
  });

  it('sends nothing when the step opens with another method', async () => {
    const user = await makeUser(db);
    await db.insert(secondFactors).values({ userId: user.id, method: 'sms', phone: '+4791230000', confirmedAt: new Date() });
    await expect(sendSmsIfFirstMethod(db, { userId: user.id, locale: 'nb' }, new Date())).resolves.toBeNull();
    expect(await smsTo('+4791230000')).toEqual([]);
  });
});
