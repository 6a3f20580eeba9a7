import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { events, tasks, users } from '@/db/schema';
import { listCaseHistory } from '@/lib/cases/queries';
import { DomainError, NotAllowedError } from '@/lib/errors';
import { answerTask, changeTaskStatus, createTask } from '@/lib/tasks/mutations';
import { countMyOpenTasks, listMyTasks } from '@/lib/tasks/queries';
import { answerTaskSchema, createTaskSchema } from '@/lib/tasks/schemas';
import { CASE_HISTORY_EVENT_TYPES } from '@/lib/cases/history-activities';
import { emailsTo, makeCompanyWithCase, makeStaff } from '@/tests/helpers/desk-factories';
import { createSession, getLiveSession } from '@/lib/auth/session';

/** What a signed-in page's shell reads in the session's one statement: the memberships and the open tasks' count. */
async function shellOf(userId: string) {
  const [user] = await db.select({ id: users.id, sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId));
  if (!user) throw new Error('no user');
  const sessionId = await createSession(db, user, { ipAddress: '127.0.0.1', userAgent: null }, new Date());
  const live = await getLiveSession(db, sessionId);
  return { openTasks: live?.openTasks, memberships: live?.memberships };
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

const input = (caseId: string, overrides: Record<string, string> = {}) =>
  createTaskSchema.parse({
    caseId,
    title: 'Send kopi av faktura',
    body: 'Vi trenger kopi av fakturaen.',
    dueOn: '2026-12-24',
    assignee: '',
    ...overrides,
  });

async function taskRow(id: string) {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
  return row;
}

describe('createTask (the desk)', () => {
  it("creates the task on any company's case, records task.created as the agency and emails the company's users", async () => {
    const { staff } = await makeStaff(db);
    const { company, members, debtCase } = await makeCompanyWithCase(db);
    const created = await db.transaction((tx) => createTask(tx, staff, input(debtCase.id)));
    const task = await taskRow(created.taskId);
    expect(task).toMatchObject({
      companyId: company.id,
      caseId: debtCase.id,
      status: 'open',
      dueOn: '2026-12-24',
      createdByUserId: staff.userId,
      assignedUserId: null,
    });
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.caseId, debtCase.id), eq(events.type, 'task.created')));
    expect(event).toMatchObject({
      actorUserId: staff.userId,
      companyId: company.id,
      data: { taskId: created.taskId, title: 'Send kopi av faktura' },
    });
    // The creditor's history names the agency, not the case handler.
    const history = await listCaseHistory(company.id, debtCase.id, CASE_HISTORY_EVENT_TYPES);
    expect(history.find((entry) => entry.type === 'task.created')?.actorName).toBeNull();
    expect(created.outboxIds).toHaveLength(3);
    for (const member of members) {
      const [email] = await emailsTo(db, member.user.email);
      expect(email?.subject).toBe(`Ny oppgave på sak ${debtCase.caseNumber} – Kredittportalen`);
      expect(email?.bodyText).toContain(`/nb/cases/${debtCase.id}`);
      expect(email?.headers?.['List-Unsubscribe']).toMatch(/^<http.*\/api\/notifications\/unsubscribe\?token=.+>$/);
      expect(email?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    }
  });

  it('emails nobody with Oppgaver off, nobody of another company, and shows the task only to its assignee and the unassigned', async () => {
    const { staff } = await makeStaff(db);
    const { members, debtCase } = await makeCompanyWithCase(db, ['write', 'read']);
    const other = await makeCompanyWithCase(db, ['admin']);
    const [writer, reader] = members;
    if (!writer || !reader) throw new Error('members missing');
    await db.update(users).set({ notifyTasks: false }).where(eq(users.id, reader.user.id));
    const created = await db.transaction((tx) => createTask(tx, staff, input(debtCase.id, { assignee: writer.user.id })));
    expect(await emailsTo(db, reader.user.email)).toEqual([]);
    expect(await emailsTo(db, other.members[0]?.user.email ?? '')).toEqual([]);
    expect(await emailsTo(db, writer.user.email)).toHaveLength(1);
    expect((await listMyTasks(writer.user.id, [writer.actor.companyId], 'open')).map((row) => row.id)).toEqual([created.taskId]);
    expect(await listMyTasks(reader.user.id, [reader.actor.companyId], 'open')).toEqual([]);
    expect(await countMyOpenTasks(writer.user.id, [writer.actor.companyId])).toBe(1);
    await expect(shellOf(writer.user.id)).resolves.toEqual({
      openTasks: 1,
      memberships: [{ companyId: writer.actor.companyId, companyName: expect.any(String), role: 'write' }],
    });
    await expect(shellOf(reader.user.id)).resolves.toMatchObject({
      openTasks: 0,
      memberships: [{ companyId: reader.actor.companyId, role: 'read' }],
    });
    await expect(shellOf(other.members[0]?.user.id ?? '')).resolves.toMatchObject({ openTasks: 0 });
  });

  it('refuses an assignee from another company and writes nothing', async () => {
    const { staff } = await makeStaff(db);
    const { debtCase } = await makeCompanyWithCase(db, ['write']);
    const other = await makeCompanyWithCase(db, ['write']);
    const error = await refusal(
      db.transaction((tx) => createTask(tx, staff, input(debtCase.id, { assignee: other.members[0]?.user.id ?? '' }))),
    );
    expect((error as DomainError).messageKey).toBe('desk.errors.assigneeNotMember');
    expect(await db.select().from(tasks).where(eq(tasks.caseId, debtCase.id))).toEqual([]);
  });
});

describe('answerTask (Svar)', () => {
  async function arrange() {
    const { staff } = await makeStaff(db);
    const world = await makeCompanyWithCase(db);
    const created = await db.transaction((tx) => createTask(tx, staff, input(world.debtCase.id)));
    const actor = (role: 'read' | 'write' | 'admin') => {
      const member = world.members.find((m) => m.role === role);
      if (!member) throw new Error('no member');
      return { ...member.actor, caseId: world.debtCase.id };
    };
    return { staff, ...world, taskId: created.taskId, actor };
  }

  it('answers an open task and records task.answered with the answer in the same transaction', async () => {
    const { taskId, debtCase, actor, company } = await arrange();
    const writer = actor('write');
    await db.transaction((tx) => answerTask(tx, writer, { caseId: debtCase.id, taskId, answer: 'Kopien er sendt.' }));
    expect(await taskRow(taskId)).toMatchObject({ status: 'answered', answer: 'Kopien er sendt.', answeredByUserId: writer.userId });
    const history = await listCaseHistory(company.id, debtCase.id, ['task.answered']);
    expect(history).toHaveLength(1);
    expect(history[0]?.data).toMatchObject({ taskId, answer: 'Kopien er sendt.' });
  });

  it('refuses a Lese user and changes nothing', async () => {
    const { taskId, debtCase, actor } = await arrange();
    const error = await refusal(db.transaction((tx) => answerTask(tx, actor('read'), { caseId: debtCase.id, taskId, answer: 'Nei' })));
    expect(error).toBeInstanceOf(NotAllowedError);
    expect((await taskRow(taskId))?.status).toBe('open');
    expect(
      await db
        .select()
        .from(events)
        .where(and(eq(events.caseId, debtCase.id), eq(events.type, 'task.answered'))),
    ).toEqual([]);
  });

  it('finds no task of another company, whatever case id the form names', async () => {
    const { taskId, debtCase } = await arrange();
    const outsider = await makeCompanyWithCase(db, ['admin']);
    const member = outsider.members[0];
    if (!member) throw new Error('no member');
    const theirs = { ...member.actor, caseId: outsider.debtCase.id };
    for (const caseId of [outsider.debtCase.id, debtCase.id]) {
      const error = await refusal(db.transaction((tx) => answerTask(tx, theirs, { caseId, taskId, answer: 'Hei' })));
      expect((error as DomainError).messageKey).toBe('tasks.errors.notFound');
    }
    expect((await taskRow(taskId))?.status).toBe('open');
  });

  it('lets only the first of two simultaneous answers through; the second is told it was answered', async () => {
    const { taskId, debtCase, actor } = await arrange();
    const results = await Promise.allSettled(
      [actor('write'), actor('admin')].map((who, index) =>
        db.transaction((tx) => answerTask(tx, who, { caseId: debtCase.id, taskId, answer: `Svar ${index}` })),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected');
    expect(((rejected as PromiseRejectedResult).reason as DomainError).messageKey).toBe('tasks.errors.alreadyAnswered');
    expect(
      await db
        .select()
        .from(events)
        .where(and(eq(events.caseId, debtCase.id), eq(events.type, 'task.answered'))),
    ).toHaveLength(1);
  });

  it('refuses an answer to a closed task; a reopened task can be answered again', async () => {
    const { taskId, debtCase, actor, staff } = await arrange();
    await db.transaction((tx) => changeTaskStatus(tx, staff, { taskId, action: 'close' }));
    const error = await refusal(db.transaction((tx) => answerTask(tx, actor('write'), { caseId: debtCase.id, taskId, answer: 'Hei' })));
    expect((error as DomainError).messageKey).toBe('tasks.errors.closed');
    expect((await taskRow(taskId))?.status).toBe('closed');
    await db.transaction((tx) => changeTaskStatus(tx, staff, { taskId, action: 'reopen' }));
    await db.transaction((tx) => answerTask(tx, actor('write'), { caseId: debtCase.id, taskId, answer: 'Nå ja' }));
    expect((await taskRow(taskId))?.status).toBe('answered');
    const types = (await db.select({ type: events.type }).from(events).where(eq(events.caseId, debtCase.id))).map((row) => row.type);
    expect(types).toEqual(expect.arrayContaining(['task.created', 'task.closed', 'task.reopened', 'task.answered']));
  });

  it('rejects an empty answer and one over 4 000 characters before anything runs', () => {
    const base = { caseId: crypto.randomUUID(), taskId: crypto.randomUUID() };
    expect(answerTaskSchema.safeParse({ ...base, answer: '   ' }).error?.issues[0]?.message).toBe('validation.required');
    expect(answerTaskSchema.safeParse({ ...base, answer: 'x'.repeat(4001) }).error?.issues[0]?.message).toBe('tasks.errors.answerTooLong');
    expect(answerTaskSchema.safeParse({ ...base, answer: 'x'.repeat(4000) }).success).toBe(true);
  });
});
