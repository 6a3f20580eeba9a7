import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { events } from '@/db/schema';
import { DomainError } from '@/lib/errors';

/** Invitation emails (new and resent) one Administrator may send for their companies in an hour. */
export const INVITATION_EMAILS_PER_HOUR = 60;

/**
 * The rate limit on invitations, counted from the audit log in PostgreSQL. Call it under lockCompanies: the
 * count and the new invitations then commit one request at a time per company, so a parallel burst cannot pass it.
 */
export async function assertInvitationBudget(tx: Tx, inviterId: string, companyIds: string[], adding: number, now = new Date()) {
  const [row] = await tx
    .select({
      sent: sql<number>`(count(distinct ${events.subjectId}) filter (where ${events.type} = 'invitation.sent'))::int`,
      resent: sql<number>`(count(*) filter (where ${events.type} = 'invitation.resent'))::int`,
    })
    .from(events)
    .where(
      and(
        inArray(events.companyId, [...new Set(companyIds)]),
        eq(events.actorUserId, inviterId),
        inArray(events.type, ['invitation.sent', 'invitation.resent']),
        gt(events.occurredAt, new Date(now.getTime() - 3_600_000)),
      ),
    );
  if ((row?.sent ?? 0) + (row?.resent ?? 0) + adding > INVITATION_EMAILS_PER_HOUR) throw new DomainError('users.errors.tooManyInvitations');
}
