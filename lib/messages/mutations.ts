import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { messages } from '@/db/schema';
import { assertActorRole, type CaseActor, type StaffActor } from '@/lib/auth/gate/checks';
import { lockCaseRef } from '@/lib/cases/case-ref';
import { DomainError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record';
import { noticeDebtorOfAnswer } from '@/lib/letter-consents/answer-notice';
import { notifyCompanyUsers } from '@/lib/notifications/notify';
import type { PostMessageInput } from './schemas';

/** One message row; every post (agency, creditor, debtor, reply to the debtor) writes it here. */
async function insertMessage(tx: Tx, values: typeof messages.$inferInsert) {
  const [row] = await tx.insert(messages).values(values).returning({ id: messages.id });
  if (!row) throw new Error('message insert returned nothing');
  return row;
}

export type MessagePosted = { messageId: string; caseId: string; companyId: string; outboxIds: string[] };

/** The desk writes to the creditor on a case: message.received in the creditor's history, and emails. */
export async function postAgencyMessage(tx: Tx, staff: StaffActor, input: PostMessageInput, now = new Date()): Promise<MessagePosted> {
  const debtCase = await lockCaseRef(tx, input.caseId);
  const row = await insertMessage(tx, {
    companyId: debtCase.companyId,
    caseId: debtCase.id,
    authorUserId: staff.userId,
    fromAgency: true,
    body: input.body,
    createdAt: now,
  });
  await recordEvent(
    tx,
    { userId: staff.userId, companyId: debtCase.companyId },
    { type: 'message.received', caseId: debtCase.id, data: { messageId: row.id } },
    now,
  );
  const outboxIds = await notifyCompanyUsers(
    tx,
    {
      kind: 'messages',
      companyId: debtCase.companyId,
      caseId: debtCase.id,
      caseNumber: debtCase.caseNumber,
      title: null,
      actorUserId: staff.userId,
    },
    now,
  );
  return { messageId: row.id, caseId: debtCase.id, companyId: debtCase.companyId, outboxIds };
}

/** A Skrive or Administrator user answers on the thread: message.sent, shown on the desk. */
export async function postCreditorMessage(tx: Tx, actor: CaseActor, input: PostMessageInput, now = new Date()): Promise<MessagePosted> {
  assertActorRole(actor, 'write');
  if (input.caseId !== actor.caseId) throw new DomainError('cases.errors.notFound');
  const debtCase = await lockCaseRef(tx, input.caseId, actor.companyId);
  const row = await insertMessage(tx, {
    companyId: debtCase.companyId,
    caseId: debtCase.id,
    authorUserId: actor.userId,
    fromAgency: false,
    body: input.body,
    createdAt: now,
  });
  await recordEvent(tx, actor, { type: 'message.sent', caseId: debtCase.id, data: { messageId: row.id } }, now);
  return { messageId: row.id, caseId: debtCase.id, companyId: debtCase.companyId, outboxIds: [] };
}

/**
 * The debtor writes to the agency on the case (Min side): the desk sees it in the case's thread; the creditor does
 * not, until the agency shares it (shareDebtorMessage), which puts it in the creditor's history.
 */
export async function postDebtorMessage(
  tx: Tx,
  scope: { companyId: string; caseId: string },
  input: PostMessageInput,
  now = new Date(),
): Promise<MessagePosted> {
  if (input.caseId !== scope.caseId) throw new DomainError('cases.errors.notFound');
  const debtCase = await lockCaseRef(tx, input.caseId, scope.companyId);
  const row = await insertMessage(tx, {
    companyId: debtCase.companyId,
    caseId: debtCase.id,
    authorUserId: null,
    fromAgency: false,
    fromDebtor: true,
    sharedWithCreditor: false,
    body: input.body,
    createdAt: now,
  });
  await recordEvent(
    tx,
    { userId: null, companyId: debtCase.companyId },
    { type: 'message.from_debtor', caseId: debtCase.id, data: { messageId: row.id } },
    now,
  );
  return { messageId: row.id, caseId: debtCase.id, companyId: debtCase.companyId, outboxIds: [] };
}

/** The desk shares a debtor's message with the creditor: it appears in the creditor's history as a message. */
export async function shareDebtorMessage(tx: Tx, staff: StaffActor, input: { messageId: string; caseId?: string }, now = new Date()) {
  const [row] = await tx
    .update(messages)
    .set({ sharedWithCreditor: true })
    .where(
      and(
        eq(messages.id, input.messageId),
        input.caseId ? eq(messages.caseId, input.caseId) : undefined,
        eq(messages.fromDebtor, true),
        eq(messages.sharedWithCreditor, false),
      ),
    )
    .returning({ id: messages.id, companyId: messages.companyId, caseId: messages.caseId });
  if (!row) throw new DomainError('debtorActions.messages.errors.notShareable');
  await recordEvent(
    tx,
    { userId: staff.userId, companyId: row.companyId },
    { type: 'message.received', caseId: row.caseId, data: { messageId: row.id } },
    now,
  );
}

/**
 * The desk answers the debtor on the case: the reply shows on Min side's messages page and in the desk's thread,
 * not to the creditor (the agency shares the debtor's side only where it chooses to). The debtor gets a notice
 * (no more than that there is an answer) if they consented to electronic contact.
 */
export async function replyToDebtor(tx: Tx, staff: StaffActor, input: PostMessageInput, now = new Date()): Promise<MessagePosted> {
  const debtCase = await lockCaseRef(tx, input.caseId);
  const row = await insertMessage(tx, {
    companyId: debtCase.companyId,
    caseId: debtCase.id,
    authorUserId: staff.userId,
    fromAgency: true,
    toDebtor: true,
    sharedWithCreditor: false,
    body: input.body,
    createdAt: now,
  });
  await recordEvent(
    tx,
    { userId: staff.userId, companyId: debtCase.companyId },
    { type: 'message.to_debtor', caseId: debtCase.id, data: { messageId: row.id } },
    now,
  );
  const outboxIds = await noticeDebtorOfAnswer(tx, { companyId: debtCase.companyId, caseId: debtCase.id }, 'messages');
  return { messageId: row.id, caseId: debtCase.id, companyId: debtCase.companyId, outboxIds };
}
