import { eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseHandle, db } from '@/db';
import { executeRows } from '@/db/client';
import { outbox } from '@/db/schema';
import { deliverOutboxEmail } from '@/lib/email/deliver';
import { renderEmail } from '@/lib/email/render';
import { inviteUsers } from '@/lib/invitations/mutations';
import { OUTBOX_SWEEP_JOB } from '@/lib/jobs/outbox-delivery';
import { dispatchOutbox, OUTBOX_DELIVERY_JOB } from '@/lib/queue/kicks';
import { startWorker } from '@/lib/jobs/worker';
import { enqueueSms } from '@/lib/sms/outbox';
import type { OutgoingSms, SmsSender } from '@/lib/sms/sender';
import { fakeEmailSender, makeAdminWithCompanies, outboxRow } from '@/tests/helpers/company-admin';
import { waitFor, waitForJob } from '@/tests/helpers/wait';

let boss: PgBoss | undefined;
afterEach(async () => {
  await boss?.stop({ graceful: false, wait: true });
  boss = undefined;
});

/** A real invitation (its email written to the outbox in the same transaction); returns the outbox id. */
async function invitationEmail(inviterName = 'Anne Admin') {
  const { companies, actor } = await makeAdminWithCompanies(db, 1, { name: inviterName });
  const id = companies[0]?.id ?? '';
  const email = `post-${crypto.randomUUID().slice(0, 8)}@test.no`;
  const { outboxIds } = await db.transaction((tx) =>
    inviteUsers(tx, actor(id), { companyId: id, emails: [email], role: 'read', locale: 'nb', companyIds: [id] }),
  );
  return { outboxId: outboxIds[0] ?? '', email };
}

const FAST = { retryDelaySeconds: 1, retryLimit: 3 };

describe('delivering the outbox through the pg-boss job', () => {
  it('sends an email once, after a failed first attempt, with the outbox id as idempotency key', async () => {
    const fake = fakeEmailSender({ failures: 1 });
    boss = await startWorker(databaseHandle(), { emailSender: fake.sender, emailDelivery: FAST });
    const { outboxId, email } = await invitationEmail();
    const queued = await outboxRow(db, outboxId);
    await dispatchOutbox([outboxId]);
    await waitFor(async () => (await outboxRow(db, outboxId)).status === 'sent');

    const row = await outboxRow(db, outboxId);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null, providerMessageId: `fake-${outboxId}` });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(fake.attempts.map((a) => a.idempotencyKey)).toEqual([outboxId, outboxId]);
    expect(fake.delivered).toHaveLength(1);
    expect(fake.delivered[0]).toMatchObject({ to: email, subject: queued.subject, text: queued.bodyText, html: queued.bodyHtml });
    expect(fake.delivered[0]?.text).toMatch(/\/invitation\/[A-Za-z0-9_-]{43}/);
    // Once sent, the live invitation link is gone from the outbox.
    expect({ text: row.bodyText, html: row.bodyHtml, subject: row.subject }).toEqual({ text: '', html: null, subject: queued.subject });
  });

  it('never sends twice: a repeated or late job for a sent email does nothing', async () => {
    const fake = fakeEmailSender();
    boss = await startWorker(databaseHandle(), { emailSender: fake.sender, emailDelivery: FAST });
    const { outboxId } = await invitationEmail();
    await dispatchOutbox([outboxId]);
    await dispatchOutbox([outboxId]);
    await waitFor(async () => (await outboxRow(db, outboxId)).status === 'sent');
    const lateJob = await boss.send(OUTBOX_DELIVERY_JOB, { channel: 'email', id: outboxId });
    expect(await waitForJob(boss, OUTBOX_DELIVERY_JOB, lateJob)).toBe('completed');
    await expect(deliverOutboxEmail(db, fake.sender, outboxId)).resolves.toBe('skipped');
    expect(fake.attempts).toHaveLength(1);
    expect((await outboxRow(db, outboxId)).attempts).toBe(1);
  });

  it('loses nothing when the process dies between commit and queueing: the sweep sends it', async () => {
    const fake = fakeEmailSender();
    boss = await startWorker(databaseHandle(), { emailSender: fake.sender, emailDelivery: { ...FAST, sweepAfterMs: 60_000 } });
    const { outboxId } = await invitationEmail();
    // Committed, never queued (no dispatchOutbox), and old enough to count as lost.
    await db
      .update(outbox)
      .set({ createdAt: new Date(Date.now() - 5 * 60_000) })
      .where(eq(outbox.id, outboxId));
    await boss.send(OUTBOX_SWEEP_JOB, {});
    await waitFor(async () => (await outboxRow(db, outboxId)).status === 'sent');
    expect(fake.delivered.map((d) => d.idempotencyKey)).toEqual([outboxId]);
  });

  it('marks an email failed after the last retry, keeping the error', async () => {
    const fake = fakeEmailSender({ failures: 100 });
    boss = await startWorker(databaseHandle(), { emailSender: fake.sender, emailDelivery: { retryDelaySeconds: 1, retryLimit: 1 } });
    const { outboxId } = await invitationEmail();
    await dispatchOutbox([outboxId]);
    await waitFor(async () => (await outboxRow(db, outboxId)).status === 'failed');
    expect(await outboxRow(db, outboxId)).toMatchObject({ status: 'failed', attempts: 2, lastError: 'provider unavailable' });
    expect(fake.delivered).toEqual([]);
  });

  it('without a sender (demo, tests) the email stays pending in the outbox for the development mailbox', async () => {
    boss = await startWorker(databaseHandle(), { emailSender: null });
    const { outboxId } = await invitationEmail();
    await dispatchOutbox([outboxId]);
    // dispatchOutbox has returned: had it queued a delivery, pg-boss would hold the job now.
    const jobs = await executeRows(db, sql`select id from pgboss.job where data->>'id' = ${outboxId}`);
    expect(jobs).toEqual([]);
    expect(await outboxRow(db, outboxId)).toMatchObject({ status: 'pending', attempts: 0 });
  });
});

describe('one delivery queue for every channel', () => {
  it('sends an email and an SMS from one dispatch, each on its own retry ladder, and the sweep finds a lost SMS', async () => {
    const fake = fakeEmailSender();
    const texts: OutgoingSms[] = [];
    const smsSender: SmsSender = { send: async (sms) => (texts.push(sms), { providerMessageId: `sms-${sms.idempotencyKey}` }) };
    boss = await startWorker(databaseHandle(), { emailSender: fake.sender, emailDelivery: FAST, smsSender });
    const { outboxId: emailId } = await invitationEmail();
    const smsId = await enqueueSms(db, { recipient: '+4791234567', locale: 'nb', template: 'sms_code', text: '123456 er koden din' });
    const jobIds = await dispatchOutbox([emailId, smsId]);
    await waitFor(async () => (await outboxRow(db, emailId)).status === 'sent' && (await outboxRow(db, smsId)).status === 'sent');
    expect(fake.delivered.map((email) => email.idempotencyKey)).toEqual([emailId]);
    expect(texts).toEqual([{ idempotencyKey: smsId, to: '+4791234567', text: '123456 er koden din' }]);
    const jobs = await executeRows<{ name: string; channel: string; retry_limit: number }>(
      db,
      sql`select name, data->>'channel' as channel, retry_limit from pgboss.job where id in (${sql.join(
        jobIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) order by channel`,
    );
    // One queue; the email's ladder is the worker's option, the SMS keeps its short one (its code lives 5 minutes).
    expect(jobs).toEqual([
      { name: OUTBOX_DELIVERY_JOB, channel: 'email', retry_limit: FAST.retryLimit },
      { name: OUTBOX_DELIVERY_JOB, channel: 'sms', retry_limit: 4 },
    ]);

    const lostSms = await enqueueSms(db, { recipient: '+4791234567', locale: 'nb', template: 'sms_code', text: '654321 er koden din' });
    await db
      .update(outbox)
      .set({ createdAt: new Date(Date.now() - 5 * 60_000) })
      .where(eq(outbox.id, lostSms));
    expect(await waitForJob(boss, OUTBOX_SWEEP_JOB, await boss.send(OUTBOX_SWEEP_JOB, {}))).toBe('completed');
    await waitFor(async () => (await outboxRow(db, lostSms)).status === 'sent');
    expect(texts.map((sms) => sms.idempotencyKey)).toEqual([smsId, lostSms]);
  });
});

describe('rendering', () => {
  it('escapes names in the HTML and keeps the plain text readable', () => {
    const email = renderEmail('en', {
      template: 'invitation',
      inviterEmail: 'anne@fjord.no',
      companyNames: ['<script>alert(1)</script> & Co', 'Nord AS'],
      role: 'admin',
      acceptUrl: 'https://portal.example/en/invitation/abc',
      expiresAt: new Date('2026-03-01T12:00:00Z'),
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
    expect(email.text).toContain('anne@fjord.no has invited you to Creditor portal for <script>alert(1)</script> & Co and Nord AS.');
    expect(email.text).toContain('You will have the role Administrator.');
    expect(email.text).toContain('Open the invitation: https://portal.example/en/invitation/abc');
    expect(email.text).toContain('1 Mar 2026');
  });
});
