import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { memberships, objections, tasks } from '@/db/schema';
import { assertActorRole, type CaseActor, type StaffActor } from '@/lib/auth/gate/checks';
import { lockCaseRef } from '@/lib/cases/case-ref';
import { DomainError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record';
import { taskEventRef } from '@/lib/i18n/task-text';
import { noticeDebtorOfAnswer } from '@/lib/letter-consents/answer-notice';
import { notifyCompanyUsers } from '@/lib/notifications/notify';
import type { AnswerTaskInput, ChangeTaskStatusInput, CreateTaskInput } from './schemas';

export type TaskChange = { taskId: string; caseId: string; companyId: string; outboxIds: string[] };

/** The desk creates a task on any company's case; the company's users are notified (after the commit). */
export async function createTask(tx: Tx, staff: StaffActor, input: CreateTaskInput, now = new Date()): Promise<TaskChange> {
  const debtCase = await lockCaseRef(tx, input.caseId);
  if (input.assignee) {
    // The assignee must be a user of the case's company (not a matter of access: whom the task is for).
    const [member] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.companyId, debtCase.companyId), eq(memberships.userId, input.assignee)));
    if (!member) throw new DomainError('desk.errors.assigneeNotMember');
  }
  const [task] = await tx
    .insert(tasks)
    .values({
      companyId: debtCase.companyId,
      caseId: debtCase.id,
      assignedUserId: input.assignee,
      title: input.title,
      body: input.body,
      dueOn: input.dueOn,
      createdByUserId: staff.userId,
      createdAt: now,
    })
    .returning({ id: tasks.id });
  if (!task) throw new Error('task insert returned nothing');
  const actor = { userId: staff.userId, companyId: debtCase.companyId };
  await recordEvent(tx, actor, { type: 'task.created', caseId: debtCase.id, data: { taskId: task.id, title: input.title } }, now);
  const outboxIds = await notifyCompanyUsers(
    tx,
    {
      kind: 'tasks',
      companyId: debtCase.companyId,
      caseId: debtCase.id,
      caseNumber: debtCase.caseNumber,
      title: input.title,
      actorUserId: staff.userId,
    },
    now,
  );
  return { taskId: task.id, caseId: debtCase.id, companyId: debtCase.companyId, outboxIds };
}

async function lockTask(tx: Tx, taskId: string, scope: { companyId: string; caseId: string } | null) {
  const conditions = [eq(tasks.id, taskId)];
  if (scope) conditions.push(eq(tasks.companyId, scope.companyId), eq(tasks.caseId, scope.caseId));
  const [task] = await tx
    .select({
      id: tasks.id,
      companyId: tasks.companyId,
      caseId: tasks.caseId,
      title: tasks.title,
      kind: tasks.kind,
      params: tasks.params,
      status: tasks.status,
    })
    .from(tasks)
    .where(and(...conditions))
    .for('update');
  if (!task) throw new DomainError('tasks.errors.notFound');
  // What every event about the task carries: Historikk reads a system task's title in the reader's language.
  return { ...task, ref: { taskId: task.id, title: task.title, ...taskEventRef(task) } };
}

/**
 * Svar: a Skrive or Administrator user answers an open task of the case. The row lock makes the second of two
 * answers at once see "already answered"; another company's task is not found.
 */
export async function answerTask(tx: Tx, actor: CaseActor, input: AnswerTaskInput, now = new Date()): Promise<TaskChange> {
  assertActorRole(actor, 'write');
  if (input.caseId !== actor.caseId) throw new DomainError('tasks.errors.notFound');
  const task = await lockTask(tx, input.taskId, { companyId: actor.companyId, caseId: actor.caseId });
  if (task.status !== 'open') throw new DomainError(task.status === 'answered' ? 'tasks.errors.alreadyAnswered' : 'tasks.errors.closed');
  await tx
    .update(tasks)
    .set({ status: 'answered', answer: input.answer, answeredByUserId: actor.userId, answeredAt: now })
    .where(eq(tasks.id, task.id));
  await recordEvent(tx, actor, { type: 'task.answered', caseId: task.caseId, data: { ...task.ref, answer: input.answer } }, now);
  // The answer to a debtor's objection shows on Min side; the debtor hears of it if they chose electronic contact.
  const [objection] = await tx.select({ id: objections.id }).from(objections).where(eq(objections.taskId, task.id)).limit(1);
  const outboxIds = objection ? await noticeDebtorOfAnswer(tx, task, 'object') : [];
  return { taskId: task.id, caseId: task.caseId, companyId: task.companyId, outboxIds };
}

/**
 * The desk closes a task (answered or not: nothing more is asked) or reopens a closed one, which asks again:
 * the earlier answer stays in the history's task.answered event.
 */
export async function changeTaskStatus(tx: Tx, staff: StaffActor, input: ChangeTaskStatusInput, now = new Date()): Promise<TaskChange> {
  const task = await lockTask(tx, input.taskId, null);
  const actor = { userId: staff.userId, companyId: task.companyId };
  if (input.action === 'close') {
    if (task.status === 'closed') throw new DomainError('desk.errors.taskAlreadyClosed');
    await tx.update(tasks).set({ status: 'closed', closedAt: now }).where(eq(tasks.id, task.id));
    await recordEvent(tx, actor, { type: 'task.closed', caseId: task.caseId, data: task.ref }, now);
  } else {
    if (task.status !== 'closed') throw new DomainError('desk.errors.taskNotClosed');
    await tx
      .update(tasks)
      .set({ status: 'open', closedAt: null, answer: null, answeredAt: null, answeredByUserId: null })
      .where(eq(tasks.id, task.id));
    await recordEvent(tx, actor, { type: 'task.reopened', caseId: task.caseId, data: task.ref }, now);
  }
  return { taskId: task.id, caseId: task.caseId, companyId: task.companyId, outboxIds: [] };
}
