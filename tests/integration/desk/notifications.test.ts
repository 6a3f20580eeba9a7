import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { openDatabase } from '@/db/client';
import { notificationDigests, users } from '@/db/schema';
import { env } from '@/lib/env';
import { postAgencyMessage } from '@/lib/messages/mutations';
import { fileObjection } from '@/lib/objections/mutations';
import { unsubscribe, updateNotificationSettings } from '@/lib/notifications/mutations';
import { NOTIFICATION_WINDOW_MS } from '@/lib/notifications/notify';
import { sendDueSummaries } from '@/lib/notifications/summaries';
import { signUnsubscribeToken, verifyUnsubscribeToken, UNSUBSCRIBE_TTL_MS } from '@/lib/notifications/token';
import { createTask } from '@/lib/tasks/mutations';
import { emailsTo, makeCompanyWithCase, makeStaff } from '@/tests/helpers/desk-factories';

const MINUTE = 60_000;

async function arrange(locale: 'nb' | 'en' = 'nb') {
  const { staff } = await makeStaff(db);
  const world = await makeCompanyWithCase(db, ['write'], locale);
  const member = world.members[0];
  if (!member) throw new Error('no member');
  const task = (title: string, now: Date) =>
    db.transaction((tx) =>
      createTask(tx, staff, { caseId: world.debtCase.id, title, body: 'Beskrivelse', dueOn: null, assignee: null }, now),
    );
  const message = (now: Date) => db.transaction((tx) => postAgencyMessage(tx, staff, { caseId: world.debtCase.id, body: 'Hei' }, now));
  return { staff, ...world, user: member.user, task, message };
}

describe('the 10-minute window (a moved clock)', () => {
  it('sends the first task at once, holds the next ones, and sums them up once the window has passed', async () => {
    const { user, task, debtCase } = await arrange();
    const start = new Date('2026-11-02T09:00:00Z');
    await task('Første', start);
    await task('Andre', new Date(start.getTime() + 2 * MINUTE));
    await task('Tredje', new Date(start.getTime() + 4 * MINUTE));
    expect(await emailsTo(db, user.email)).toHaveLength(1);

    // Nine minutes after the first email: still inside the window.
    expect(await sendDueSummaries(db, new Date(start.getTime() + 9 * MINUTE))).toEqual([]);
    expect(await emailsTo(db, user.email)).toHaveLength(1);

    const ids = await sendDueSummaries(db, new Date(start.getTime() + 10 * MINUTE));
    const emails = await emailsTo(db, user.email);
    expect(emails).toHaveLength(2);
    expect(ids).toContain(emails[1]?.id);
    expect(emails[1]?.subject).toBe('2 nye oppgaver – Kredittportalen');
    expect(emails[1]?.bodyText).toContain(`Sak ${debtCase.caseNumber}: Andre`);
    expect(emails[1]?.bodyText).toContain(`Sak ${debtCase.caseNumber}: Tredje`);

    // Nothing left: a later run sends nothing more.
    expect(await sendDueSummaries(db, new Date(start.getTime() + 30 * MINUTE))).toEqual([]);
    expect(await emailsTo(db, user.email)).toHaveLength(2);
  });

  it('keeps tasks and messages apart: each kind has its own window', async () => {
    const { user, task, message } = await arrange('en');
    const start = new Date('2026-11-02T10:00:00Z');
    await task('A task', start);
    await message(new Date(start.getTime() + MINUTE));
    const subjects = (await emailsTo(db, user.email)).map((email) => email.subject);
    expect(subjects).toHaveLength(2);
    expect(subjects.some((subject) => subject?.startsWith('New task on case'))).toBe(true);
    expect(subjects.some((subject) => subject?.startsWith('New message on case'))).toBe(true);
  });

  it('an objection’s task reaches each user in their own language, at once and in the summary', async () => {
    const object = (world: Awaited<ReturnType<typeof arrange>>, now: Date) =>
      db.transaction((tx) =>
        fileObjection(
          tx,
          { companyId: world.company.id, caseId: world.debtCase.id },
          { caseId: world.debtCase.id, reason: 'other', body: 'Jeg har aldri bestilt dette.' },
          [],
          now,
        ),
      );
    const start = new Date('2026-11-02T10:30:00Z');
    const nb = await arrange('nb');
    await object(nb, start);
    expect((await emailsTo(db, nb.user.email))[0]?.bodyText).toContain('Innsigelse fra skyldner: Annet');

    // In English: the desk's task first, so the objection waits in the digest (as kind and params) for the next email.
    const en = await arrange('en');
    await en.task('Send the invoice', start);
    await object(en, new Date(start.getTime() + MINUTE));
    await sendDueSummaries(db, new Date(start.getTime() + NOTIFICATION_WINDOW_MS));
    const summary = (await emailsTo(db, en.user.email))[1]?.bodyText ?? '';
    expect(summary).toContain('Objection from the debtor: Other');
    expect(summary).not.toContain('Innsigelse');
  });

  it('sends a due summary exactly once when two workers run at the same moment', async () => {
    const { user, task } = await arrange();
    const start = new Date('2026-11-02T11:00:00Z');
    await task('En', start);
    await task('To', new Date(start.getTime() + MINUTE));
    const second = openDatabase(process.env.DATABASE_URL, { max: 2 });
    try {
      const at = new Date(start.getTime() + NOTIFICATION_WINDOW_MS + MINUTE);
      const results = await Promise.all([sendDueSummaries(db, at), sendDueSummaries(second.db, at), sendDueSummaries(db, at)]);
      const mine = (await emailsTo(db, user.email)).map((email) => email.id);
      expect(mine).toHaveLength(2);
      expect(results.flat().filter((id) => mine.includes(id))).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('drops what is waiting when the user unticks Oppgaver before the summary', async () => {
    const { user, task } = await arrange();
    const start = new Date('2026-11-02T12:00:00Z');
    await task('En', start);
    await task('To', new Date(start.getTime() + MINUTE));
    await db.transaction((tx) => updateNotificationSettings(tx, user.id, { tasks: false, messages: true }));
    await sendDueSummaries(db, new Date(start.getTime() + 20 * MINUTE));
    await task('Tre', new Date(start.getTime() + 40 * MINUTE));
    expect(await emailsTo(db, user.email)).toHaveLength(1);
    const [digest] = await db.select().from(notificationDigests).where(eq(notificationDigests.userId, user.id));
    expect(digest?.pendingCount).toBe(0);
  });
});

describe('the unsubscribe token', () => {
  const secret = 'a'.repeat(40);
  const userId = crypto.randomUUID();

  it('carries the user and the kind until it expires', () => {
    const now = new Date('2026-11-02T12:00:00Z');
    const token = signUnsubscribeToken({ userId, kind: 'messages' }, secret, now);
    expect(verifyUnsubscribeToken(token, secret, now)).toMatchObject({ userId, kind: 'messages' });
    expect(verifyUnsubscribeToken(token, secret, new Date(now.getTime() + UNSUBSCRIBE_TTL_MS + 1000))).toBeNull();
  });

  it('is refused when any part is changed, or signed with another secret', () => {
    const token = signUnsubscribeToken({ userId, kind: 'tasks' }, secret);
    const [id, , expires, signature] = token.split('.');
    expect(verifyUnsubscribeToken(`${id}.messages.${expires}.${signature}`, secret)).toBeNull();
    expect(verifyUnsubscribeToken(`${crypto.randomUUID()}.tasks.${expires}.${signature}`, secret)).toBeNull();
    expect(verifyUnsubscribeToken(`${id}.tasks.${Number(expires) + 1}.${signature}`, secret)).toBeNull();
    expect(verifyUnsubscribeToken(`${token}x`, secret)).toBeNull();
    expect(verifyUnsubscribeToken(token, 'b'.repeat(40))).toBeNull();
    expect(verifyUnsubscribeToken('', secret)).toBeNull();
  });

  it("turns off only the token's kind, and the email's token is the one that does it", async () => {
    const { user, task } = await arrange();
    await task('En', new Date());
    const [email] = await emailsTo(db, user.email);
    const token = decodeURIComponent(/token=([^\s&>]+)/.exec(email?.bodyText ?? '')?.[1] ?? '');
    const claim = verifyUnsubscribeToken(token, env().AUTH_SECRET);
    expect(claim).toMatchObject({ userId: user.id, kind: 'tasks' });
    if (!claim) return;
    await db.transaction((tx) => unsubscribe(tx, claim));
    const [row] = await db.select({ tasks: users.notifyTasks, messages: users.notifyMessages }).from(users).where(eq(users.id, user.id));
    expect(row).toEqual({ tasks: false, messages: true });
  });
});
