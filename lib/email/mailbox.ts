import 'server-only';
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { invitations, memberships, outbox, secondFactors, smsCodes } from '@/db/schema';
import { isDemo } from '@/lib/env';
import { isDevMailboxEnabled } from './dev-mailbox';

export function devMailboxEnabled(): boolean {
  return isDevMailboxEnabled(isDemo(), process.env.NODE_ENV);
}

/**
 * What one signed-in user's mailbox shows: email to their address, SMS to their numbers (confirmed, or asked for
 * in a code of theirs), the invitations they sent (so that a demo administrator can follow the link), and the
 * settlement reports of the companies they administer (they chose the address). Never another user's codes.
 */
function visibleTo(user: { userId: string; email: string }): SQL {
  const myPhones = db
    .select({ phone: secondFactors.phone })
    .from(secondFactors)
    .where(eq(secondFactors.userId, user.userId))
    .union(db.select({ phone: smsCodes.phone }).from(smsCodes).where(eq(smsCodes.userId, user.userId)));
  const administered = db
    .select({ id: memberships.companyId })
    .from(memberships)
    .where(and(eq(memberships.userId, user.userId), eq(memberships.role, 'admin')));
  const mySentInvitations = db
    .select({ id: sql<string>`${invitations.id}::text` })
    .from(invitations)
    .where(eq(invitations.invitedByUserId, user.userId));
  return or(
    and(eq(outbox.channel, 'email'), sql`lower(${outbox.recipient}) = ${user.email.toLowerCase()}`),
    and(eq(outbox.channel, 'sms'), inArray(outbox.recipient, myPhones)),
    inArray(sql`${outbox.data}->>'invitationId'`, mySentInvitations),
    and(eq(outbox.template, 'settlement_report'), inArray(outbox.companyId, administered)),
  ) as SQL;
}

export async function listMailboxFor(user: { userId: string; email: string }, limit = 100) {
  return db
    .select({
      id: outbox.id,
      channel: outbox.channel,
      recipient: outbox.recipient,
      subject: outbox.subject,
      bodyText: outbox.bodyText,
      status: outbox.status,
      attachments: outbox.attachments,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(visibleTo(user))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}

/** One attachment of a message the user may see, and only of a company the user belongs to. */
export async function getMailboxAttachment(user: { userId: string; email: string }, outboxId: string, index: number) {
  const myCompanies = db.select({ id: memberships.companyId }).from(memberships).where(eq(memberships.userId, user.userId));
  const [row] = await db
    .select({ companyId: outbox.companyId, locale: outbox.locale, attachments: outbox.attachments })
    .from(outbox)
    .where(and(eq(outbox.id, outboxId), visibleTo(user), inArray(outbox.companyId, myCompanies)));
  const ref = row?.attachments?.[index];
  return row?.companyId && ref ? { companyId: row.companyId, locale: row.locale, ref } : null;
}
