import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { apiIdempotency, outbox, sessions } from '@/db/schema';
import { purgeExpiredAuthData } from '@/lib/jobs/maintenance';
import { makeCompany, makeUser } from '@/tests/helpers/factories';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

async function outboxRow(values: Partial<typeof outbox.$inferInsert> & { template: string; createdAt: Date }) {
  const [row] = await db
    .insert(outbox)
    .values({
      channel: 'email',
      recipient: 'noen@test.no',
      locale: 'nb',
      bodyText: 'hemmelig lenke https://portal/invitation/abc',
      bodyHtml: '<p>hemmelig</p>',
      ...values,
    })
    .returning();
  if (!row) throw new Error('insert failed');
  return row;
}

const byId = async (id: string) => (await db.select().from(outbox).where(eq(outbox.id, id)))[0];

describe('maintenance (moved clock)', () => {
  it('blanks undelivered SMS codes and invitation links once they have expired, and stops them being sent', async () => {
    const now = new Date('2026-12-07T12:00:00Z');
    const smsWaiting = await outboxRow({
      channel: 'sms',
      template: 'sms_code',
      recipient: '+4791234567',
      bodyText: 'Koden din er 123456',
      bodyHtml: null,
      createdAt: new Date(now.getTime() - 6 * MINUTE),
    });
    const smsFresh = await outboxRow({
      channel: 'sms',
      template: 'sms_code',
      recipient: '+4791234567',
      bodyText: 'Koden din er 654321',
      bodyHtml: null,
      createdAt: new Date(now.getTime() - 2 * MINUTE),
    });
    const invitationFailed = await outboxRow({
      template: 'invitation',
      status: 'failed',
      lastError: 'provider down',
      createdAt: new Date(now.getTime() - 8 * DAY),
    });
    const invitationValid = await outboxRow({ template: 'invitation', createdAt: new Date(now.getTime() - 6 * DAY) });
    const notification = await outboxRow({ template: 'notification', createdAt: new Date(now.getTime() - 30 * DAY) });

    await purgeExpiredAuthData(db, now);

    expect(await byId(smsWaiting.id)).toMatchObject({ bodyText: '', status: 'failed', lastError: 'expired before delivery' });
    expect(await byId(invitationFailed.id)).toMatchObject({ bodyText: '', bodyHtml: null, status: 'failed', lastError: 'provider down' });
    expect(await byId(smsFresh.id)).toMatchObject({ bodyText: 'Koden din er 654321', status: 'pending' });
    expect(await byId(invitationValid.id)).toMatchObject({ bodyText: invitationValid.bodyText, status: 'pending' });
    expect((await byId(notification.id))?.bodyText).toBe(notification.bodyText);
  });

  it('removes sessions ended more than a week ago and idempotency answers older than 30 days, keeps the rest', async () => {
    const now = new Date('2026-12-07T12:00:00Z');
    const user = await makeUser(db);
    const company = await makeCompany(db);
    const session = (values: Partial<typeof sessions.$inferInsert>) =>
      db
        .insert(sessions)
        .values({ userId: user.id, userSessionVersion: 1, expiresAt: new Date(now.getTime() + DAY), lastSeenAt: now, ...values })
        .returning({ id: sessions.id })
        .then(([row]) => row?.id ?? '');
    const expiredLongAgo = await session({ expiresAt: new Date(now.getTime() - 8 * DAY), lastSeenAt: new Date(now.getTime() - 9 * DAY) });
    const revokedLongAgo = await session({ revokedAt: new Date(now.getTime() - 8 * DAY) });
    const idleLongAgo = await session({ lastSeenAt: new Date(now.getTime() - 8 * DAY) });
    const revokedYesterday = await session({ revokedAt: new Date(now.getTime() - DAY) });
    const live = await session({});
    const answer = (createdAt: Date, key: string) =>
      db
        .insert(apiIdempotency)
        .values({
          companyId: company.id,
          endpoint: 'payments',
          idempotencyKey: key,
          requestHash: 'h',
          responseStatus: 201,
          responseBody: {},
          createdAt,
        })
        .returning({ id: apiIdempotency.id })
        .then(([row]) => row?.id ?? '');
    const oldAnswer = await answer(new Date(now.getTime() - 31 * DAY), 'old');
    const recentAnswer = await answer(new Date(now.getTime() - 29 * DAY), 'recent');

    await purgeExpiredAuthData(db, now);

    const left = await db
      .select({ id: sessions.id })
      .from(sessions)
      .where(inArray(sessions.id, [expiredLongAgo, revokedLongAgo, idleLongAgo, revokedYesterday, live]));
    expect(left.map((row) => row.id).sort()).toEqual([revokedYesterday, live].sort());
    const answers = await db
      .select({ id: apiIdempotency.id })
      .from(apiIdempotency)
      .where(inArray(apiIdempotency.id, [oldAnswer, recentAnswer]));
    expect(answers.map((row) => row.id)).toEqual([recentAnswer]);
  });
});
