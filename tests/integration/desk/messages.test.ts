import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { events, messages, notificationDigests } from '@/db/schema';
import { CASE_HISTORY_EVENT_TYPES } from '@/lib/cases/history-activities';
import { listCaseHistory } from '@/lib/cases/queries';
import { DomainError, NotAllowedError } from '@/lib/errors';
import { postAgencyMessage, postCreditorMessage } from '@/lib/messages/mutations';
import { postMessageSchema } from '@/lib/messages/schemas';
import { createTask } from '@/lib/tasks/mutations';
import { emailsTo, makeCompanyWithCase, makeStaff } from '@/tests/helpers/desk-factories';

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe('the message thread', () => {
  it('the desk posts (message.received, as the agency, emailed), a Skrive user answers (message.sent, nobody emailed)', async () => {
    const { staff } = await makeStaff(db);
    const { company, members, debtCase } = await makeCompanyWithCase(db, ['write', 'admin']);
    const [writer, admin] = members;
    if (!writer || !admin) throw new Error('members missing');
    const posted = await db.transaction((tx) => postAgencyMessage(tx, staff, { caseId: debtCase.id, body: 'Hei fra byrået' }));
    expect(posted.outboxIds).toHaveLength(2);
    await db.transaction((tx) =>
      postCreditorMessage(tx, { ...writer.actor, caseId: debtCase.id }, { caseId: debtCase.id, body: 'Hei tilbake' }),
    );
    const history = await listCaseHistory(company.id, debtCase.id, ['message.received', 'message.sent']);
    expect(history.map((entry) => [entry.type, entry.messageBody, entry.actorName])).toEqual([
      ['message.sent', 'Hei tilbake', writer.user.name],
      ['message.received', 'Hei fra byrået', null],
    ]);
    // The writer's own message emails nobody; the admin got only the agency's.
    expect(await emailsTo(db, admin.user.email)).toHaveLength(1);
    expect(await emailsTo(db, writer.user.email)).toHaveLength(1);
  });

  it('refuses a Lese user and another company, and changes nothing', async () => {
    const { members, debtCase } = await makeCompanyWithCase(db, ['read']);
    const outsider = await makeCompanyWithCase(db, ['admin']);
    const reader = members[0];
    const theirs = outsider.members[0];
    if (!reader || !theirs) throw new Error('members missing');
    expect(
      await refusal(
        db.transaction((tx) => postCreditorMessage(tx, { ...reader.actor, caseId: debtCase.id }, { caseId: debtCase.id, body: 'x' })),
      ),
    ).toBeInstanceOf(NotAllowedError);
    const foreign = await refusal(
      db.transaction((tx) =>
        postCreditorMessage(tx, { ...theirs.actor, caseId: outsider.debtCase.id }, { caseId: debtCase.id, body: 'x' }),
      ),
    );
    expect((foreign as DomainError).messageKey).toBe('cases.errors.notFound');
    expect(await db.select().from(messages).where(eq(messages.caseId, debtCase.id))).toEqual([]);
    expect(
      await db
        .select()
        .from(events)
        .where(and(eq(events.caseId, debtCase.id), eq(events.type, 'message.sent'))),
    ).toEqual([]);
  });

  it('validates empty and over-long messages with translated keys', () => {
    const caseId = crypto.randomUUID();
    expect(postMessageSchema.safeParse({ caseId, body: ' ' }).error?.issues[0]?.message).toBe('validation.required');
    expect(postMessageSchema.safeParse({ caseId, body: 'x'.repeat(4001) }).error?.issues[0]?.message).toBe('caseMessages.errors.tooLong');
    expect(postMessageSchema.safeParse({ caseId: 'nope', body: 'hei' }).error?.issues[0]?.message).toBe('cases.errors.reloadForm');
  });
});

describe('a burst of events at once', () => {
  it('sends each user one email per kind and holds the rest, however many arrive in parallel', async () => {
    const { staff } = await makeStaff(db);
    const { members, debtCase } = await makeCompanyWithCase(db, ['write', 'read']);
    const now = new Date();
    await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        db.transaction((tx) =>
          createTask(tx, staff, { caseId: debtCase.id, title: `Oppgave ${index}`, body: 'B', dueOn: null, assignee: null }, now),
        ),
      ),
    );
    for (const member of members) {
      expect(await emailsTo(db, member.user.email)).toHaveLength(1);
      const [digest] = await db.select().from(notificationDigests).where(eq(notificationDigests.userId, member.user.id));
      expect(digest?.pendingCount).toBe(7);
    }
    expect(
      (await listCaseHistory(members[0]?.actor.companyId ?? '', debtCase.id, CASE_HISTORY_EVENT_TYPES)).filter(
        (e) => e.type === 'task.created',
      ),
    ).toHaveLength(8);
  });
});
