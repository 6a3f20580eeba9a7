import 'server-only';
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { companies, invitationCompanies, invitations, memberships, users } from '@/db/schema';
import { recheckRoleInTransaction, type Actor } from '@/lib/auth/gate/checks';
import { enqueueEmail } from '@/lib/email/outbox';
import { DomainError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record';
import type { Locale } from '@/lib/i18n/routing';
import { lockCompanies } from '@/lib/users/access';
import type { InvitationRefInput, InviteUsersInput } from './schemas';
import { assertInvitationBudget } from './budget';
import { invitationExpiry, invitationUrl, newInvitationToken } from './token';

export type InviteResult = { outboxIds: string[]; invited: number };

/** The invitation comes from the inviter's address: no free text (a name is whatever its owner typed) in an email sent from the agency's domain. */
async function actorEmail(tx: Tx, userId: string) {
  const [row] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email ?? '';
}

/**
 * Invites each address to the chosen companies with one role: every address gets an invitation email with a
 * single-use link, whether or not it already has an account (the answer must not tell which). An existing
 * account joins only when its owner, signed in, accepts. All or nothing: an address that is already a member of
 * every chosen company, or already invited to one of them, refuses the whole request. Agency staff are no members
 * of creditor companies: their accounts count as none here, and acceptance refuses them.
 */
export async function inviteUsers(tx: Tx, actor: Actor, input: InviteUsersInput): Promise<InviteResult> {
  const locked = await lockCompanies(tx, [actor.companyId, ...input.companyIds]);
  await recheckRoleInTransaction(tx, actor, 'admin', input.companyIds);
  // Addresses compare lower-cased everywhere (the users' unique index is on lower(email)).
  const emails = [...new Set(input.emails.map((email) => email.toLowerCase()))];
  await assertInvitationBudget(tx, actor.userId, [actor.companyId, ...input.companyIds], emails.length);
  const companyNames = input.companyIds.map((id) => locked.find((c) => c.id === id)?.name ?? '');
  const inviterEmail = await actorEmail(tx, actor.userId);

  const members = await tx
    .select({ email: users.email, companyId: memberships.companyId })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        inArray(sql`lower(${users.email})`, emails),
        isNull(users.deletedAt),
        eq(users.isAgencyStaff, false),
        inArray(memberships.companyId, input.companyIds),
      ),
    );
  const pending = await tx
    .select({ email: invitations.email })
    .from(invitations)
    .innerJoin(invitationCompanies, eq(invitationCompanies.invitationId, invitations.id))
    .where(
      and(
        inArray(invitations.email, emails),
        inArray(invitationCompanies.companyId, input.companyIds),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  for (const email of emails) {
    const memberOf = members.filter((m) => m.email.toLowerCase() === email).map((m) => m.companyId);
    if (input.companyIds.every((id) => memberOf.includes(id))) throw new DomainError('users.errors.alreadyMember');
    if (pending.some((p) => p.email === email)) throw new DomainError('users.errors.alreadyInvited');
  }

  const result: InviteResult = { outboxIds: [], invited: 0 };
  for (const email of emails) {
    const { token, tokenHash } = newInvitationToken();
    const expiresAt = invitationExpiry();
    const [invitation] = await tx
      .insert(invitations)
      .values({ email, role: input.role, locale: input.locale, tokenHash, invitedByUserId: actor.userId, expiresAt })
      .returning({ id: invitations.id });
    if (!invitation) throw new Error('invitation insert returned nothing');
    await tx.insert(invitationCompanies).values(input.companyIds.map((companyId) => ({ companyId, invitationId: invitation.id })));
    for (const companyId of input.companyIds) {
      await recordEvent(
        tx,
        { userId: actor.userId, companyId },
        { type: 'invitation.sent', invitationId: invitation.id, data: { email, role: input.role, locale: input.locale } },
      );
    }
    result.outboxIds.push(
      await sendInvitationEmail(
        tx,
        actor,
        { id: invitation.id, email, role: input.role, locale: input.locale, expiresAt },
        token,
        companyNames,
        inviterEmail,
      ),
    );
    result.invited++;
  }
  return result;
}

function sendInvitationEmail(
  tx: Tx,
  actor: Actor,
  invitation: { id: string; email: string; role: InviteUsersInput['role']; locale: Locale; expiresAt: Date },
  token: string,
  companyNames: string[],
  inviterEmail: string,
) {
  return enqueueEmail(tx, {
    companyId: actor.companyId,
    recipient: invitation.email,
    locale: invitation.locale,
    email: {
      template: 'invitation',
      inviterEmail,
      role: invitation.role,
      companyNames,
      acceptUrl: invitationUrl(invitation.locale, token),
      expiresAt: invitation.expiresAt,
    },
    data: { invitationId: invitation.id },
  });
}

/** A not-yet-accepted, not-revoked invitation that includes the actor's company, locked; else "not found". */
async function lockOpenInvitation(tx: Tx, actor: Actor, invitationId: string) {
  const [invitation] = await tx
    .select()
    .from(invitations)
    .innerJoin(invitationCompanies, eq(invitationCompanies.invitationId, invitations.id))
    .where(
      and(
        eq(invitations.id, invitationId),
        eq(invitationCompanies.companyId, actor.companyId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .for('update', { of: invitations });
  if (!invitation) throw new DomainError('users.errors.invitationNotFound');
  return invitation.invitations;
}

async function invitationCompanyNames(tx: Tx, invitationId: string) {
  const rows = await tx
    .select({ name: companies.name })
    .from(invitationCompanies)
    .innerJoin(companies, eq(companies.id, invitationCompanies.companyId))
    .where(eq(invitationCompanies.invitationId, invitationId))
    .orderBy(asc(companies.name));
  return rows.map((row) => row.name);
}

/** A new link (new token, new 7-day expiry) for a pending invitation; the old link stops working. */
export async function resendInvitation(tx: Tx, actor: Actor, input: InvitationRefInput): Promise<{ outboxIds: string[] }> {
  await lockCompanies(tx, [actor.companyId]);
  await recheckRoleInTransaction(tx, actor, 'admin');
  const invitation = await lockOpenInvitation(tx, actor, input.invitationId);
  await assertInvitationBudget(tx, actor.userId, [actor.companyId], 1);
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = invitationExpiry();
  await tx.update(invitations).set({ tokenHash, expiresAt }).where(eq(invitations.id, invitation.id));
  await recordEvent(tx, actor, { type: 'invitation.resent', invitationId: invitation.id, data: { email: invitation.email } });
  const names = await invitationCompanyNames(tx, invitation.id);
  const outboxId = await sendInvitationEmail(tx, actor, { ...invitation, expiresAt }, token, names, await actorEmail(tx, actor.userId));
  return { outboxIds: [outboxId] };
}

/**
 * Withdraws the invitation from the actor's company; when no company is left, the link stops working.
 * (An invitation can span companies with different Administrators; each withdraws only their own.)
 */
export async function revokeInvitation(tx: Tx, actor: Actor, input: InvitationRefInput) {
  await lockCompanies(tx, [actor.companyId]);
  await recheckRoleInTransaction(tx, actor, 'admin');
  const invitation = await lockOpenInvitation(tx, actor, input.invitationId);
  await tx
    .delete(invitationCompanies)
    .where(and(eq(invitationCompanies.invitationId, invitation.id), eq(invitationCompanies.companyId, actor.companyId)));
  const [left] = await tx
    .select({ id: invitationCompanies.id })
    .from(invitationCompanies)
    .where(eq(invitationCompanies.invitationId, invitation.id))
    .limit(1);
  if (!left) await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, invitation.id));
  await recordEvent(tx, actor, { type: 'invitation.revoked', invitationId: invitation.id, data: { email: invitation.email } });
}
