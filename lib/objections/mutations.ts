import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { caseCollection, cases, objectionFiles, objections, tasks } from '@/db/schema';
import { changeCollection } from '@/lib/engine/mutations';
import { DomainError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record';
import { objectionReasonText, taskText, taskTitleParams, type SystemTask } from '@/lib/i18n/task-text';
import { notifyCompanyUsers } from '@/lib/notifications/notify';
import type { DebtorCaseScope } from '@/lib/online-payments/mutations';
import type { CheckedFile } from './files';
import type { FileObjectionInput } from './schemas';

export type FiledObjection = { objectionId: string; taskId: string; outboxIds: string[] };

/**
 * The debtor objects (innsigelse): the objection and its checked files are stored, the case is disputed at once
 * (the engine holds it until the creditor confirms the claim: inkassoloven), and the creditor gets a task with the
 * objection in Innsikt. One transaction: all of it or nothing. "Already paid" needs a receipt.
 */
export async function fileObjection(
  tx: Tx,
  scope: DebtorCaseScope,
  input: FileObjectionInput,
  files: CheckedFile[],
  now = new Date(),
): Promise<FiledObjection> {
  if (input.caseId !== scope.caseId) throw new DomainError('cases.errors.notFound');
  if (input.reason === 'already_paid' && files.length === 0) throw new DomainError('debtorActions.object.errors.receiptRequired');
  const [debtCase] = await tx
    .select({ id: cases.id, caseNumber: cases.caseNumber, status: cases.status })
    .from(cases)
    .where(and(eq(cases.id, scope.caseId), eq(cases.companyId, scope.companyId)));
  if (!debtCase) throw new DomainError('cases.errors.notFound');
  const [state] = await tx
    .select({ disputedAt: caseCollection.disputedAt })
    .from(caseCollection)
    .where(eq(caseCollection.caseId, debtCase.id));
  if (state?.disputedAt) throw new DomainError('debtorActions.object.errors.alreadyDisputed');
  const actor = { userId: null, companyId: scope.companyId };
  // Locks the case, refuses an ended one, records case.disputed "by the debtor".
  const system: SystemTask = {
    kind: 'objection',
    params: { reason: input.reason, text: input.body, files: files.map((file) => file.fileName) },
  };
  // title and body keep the Norwegian words too: what reads the raw row (the API, exports, old code) still has text.
  const { title, body } = taskText({ ...system, title: '' }, 'nb');
  const reason = { reason: objectionReasonText(input.reason, 'nb') ?? input.reason, reasonKey: input.reason };
  await changeCollection(tx, actor, { caseId: debtCase.id, intent: 'dispute', ...reason }, 'debtor', now);
  const [task] = await tx
    .insert(tasks)
    .values({ companyId: scope.companyId, caseId: debtCase.id, title, body, ...system, createdAt: now })
    .returning({ id: tasks.id });
  if (!task) throw new Error('task insert returned nothing');
  const [objection] = await tx
    .insert(objections)
    .values({ companyId: scope.companyId, caseId: debtCase.id, reason: input.reason, body: input.body, taskId: task.id, createdAt: now })
    .returning({ id: objections.id });
  if (!objection) throw new Error('objection insert returned nothing');
  if (files.length > 0) {
    await tx.insert(objectionFiles).values(
      files.map((file) => ({
        companyId: scope.companyId,
        objectionId: objection.id,
        fileName: file.fileName,
        contentType: file.contentType,
        byteSize: file.bytes.length,
        content: file.bytes,
        createdAt: now,
      })),
    );
  }
  await recordEvent(
    tx,
    actor,
    { type: 'task.created', caseId: debtCase.id, data: { taskId: task.id, title, kind: system.kind, params: taskTitleParams(system) } },
    now,
  );
  const outboxIds = await notifyCompanyUsers(
    tx,
    {
      kind: 'tasks',
      companyId: scope.companyId,
      caseId: debtCase.id,
      caseNumber: debtCase.caseNumber,
      title,
      task: system,
      actorUserId: null,
    },
    now,
  );
  return { objectionId: objection.id, taskId: task.id, outboxIds };
}

/** The debtor's view: the newest objection on the case, its status, the creditor's answer (from the task). */
export async function getObjection(tx: Tx, scope: DebtorCaseScope) {
  const [row] = await tx
    .select({
      id: objections.id,
      reason: objections.reason,
      body: objections.body,
      createdAt: objections.createdAt,
      taskStatus: tasks.status,
      answer: tasks.answer,
      answeredAt: tasks.answeredAt,
    })
    .from(objections)
    .leftJoin(tasks, eq(tasks.id, objections.taskId))
    .where(and(eq(objections.companyId, scope.companyId), eq(objections.caseId, scope.caseId)))
    .orderBy(desc(objections.createdAt))
    .limit(1);
  return row ?? null;
}
