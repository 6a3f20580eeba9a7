import 'server-only';
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { companies, invitationCompanies, invitations, memberships, users } from '@/db/schema';
import { recheckRoleInTransaction, type Actor } from '@/lib/auth/gate/checks';
import { enqueueEmail } from '@/lib/email/outbox';
import { env } from '@/lib/env';
import { DomainError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record';
import type { Locale } from '@/lib/i18n/routing';
import { lockCompanies } from '@/lib/users/access';
import type { InvitationRefInput, InviteUsersInput } from './schemas';
import { invitationExpiry, invitationUrl, newInvitationToken } from './token';

export type InviteResult = { outboxIds: string[]; invited: number; added: number };

async function actorName(tx: Tx, userId: string) {
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? '';
}

/**
 * Invites each address to the chosen companies with one role: a new address gets an invitation email with a
 * single-use link; an existing account gets the memberships at once and a notification. All or nothing: one
 * address that is already a member everywhere, or already invited, refuses the whole request.
 */
export async function inviteUsers(tx: Tx, actor: Actor, input: InviteUsersInput): Promise<InviteResult> {
  const locked = await lockCompanies(tx, [actor.companyId, ...input.companyIds]);
  await recheckRoleInTransaction(tx, actor, 'admin', input.companyIds);
  const companyNames = input.companyIds.map((id) => locked.find((c) => c.id === id)?.name ?? '');
  const inviterName = await actorName(tx, actor.userId);
  // Addresses compare lower-cased everywhere (the users' unique index is on lower(email)).
  const emails = [...new Set(input.emails.map((email) => email.toLowerCase()))];

  const existing = await tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(sql`lower(${users.email})`, emails), isNull(users.deletedAt)));
  const existingIds = existing.map((user) => user.id);
  const current = existingIds.length
    ? await tx
        .select({ userId: memberships.userId, companyId: memberships.companyId })
        .from(memberships)
        .where(and(inArray(memberships.userId, existingIds), inArray(memberships.companyId, input.companyIds)))
    : [];
  const pending = await tx
    .select({ email: invitations.email })
    .from(invitations)
    .where(and(inArray(invitations.email, emails), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())));

  const byEmail = new Map(existing.map((user) => [user.email.toLowerCase(), user]));
  for (const email of emails) {
    const user = byEmail.get(email);
    if (user && input.companyIds.every((id) => current.some((m) => m.userId === user.id && m.companyId === id))) {
      throw new DomainError('users.errors.alreadyMember');
    }
    if (!user && pending.some((p) => p.email === email)) throw new DomainError('users.errors.alreadyInvited');
  }

  const result: InviteResult = { outboxIds: [], invited: 0, added: 0 };
  for (const email of emails) {
    const user = byEmail.get(email);
    if (user) {
      const newCompanyIds = input.companyIds.filter((id) => !current.some((m) => m.userId === user.id && m.companyId === id));
      await tx.insert(memberships).values(newCompanyIds.map((companyId) => ({ companyId, userId: user.id, role: input.role }))).onConflictDoNothing();
      for (const companyId of newCompanyIds) {
        await recordEvent(tx, { userId: actor.userId, companyId }, { type: 'member.added', userId: user.id, data: { role: input.role, via: 'invitation' } });
      }
      result.outboxIds.push(
        await enqueueEmail(tx, {
          companyId: actor.companyId,
          recipient: user.email,
          locale: user.locale,
          email: {
            template: 'access_granted',
            inviterName,
            role: input.role,
            companyNames: newCompanyIds.map((id) => companyNames[input.companyIds.indexOf(id)] ?? ''),
            signInUrl: `${env().PORTAL_URL}/${user.locale}/login`,
          },
          data: { userId: user.id },
        }),
      );
      result.added++;
      continue;
    }
    const { token, tokenHash } = newInvitationToken();
    const expiresAt = invitationExpiry();
    const [invitation] = await tx
      .insert(invitations)
      .values({ email, role: input.role, locale: input.locale, tokenHash, invitedByUserId: actor.userId, expiresAt })
      .returning({ id: invitations.id });
    if (!invitation) throw new Error('invitation insert returned nothing');
    await tx.insert(invitationCompanies).values(input.companyIds.map((companyId) => ({ companyId, invitationId: invitation.id })));
    for (const companyId of input.companyIds) {
      await recordEvent(tx, { userId: actor.userId, companyId }, { type: 'invitation.sent', invitationId: invitation.id, data: { email, role: input.role, locale: input.locale } });
    }
    result.outboxIds.push(await sendInvitationEmail(tx, actor, { id: invitation.id, email, role: input.role, locale: input.locale, expiresAt }, token, companyNames, inviterName));
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
  inviterName: string,
) {
  return enqueueEmail(tx, {
    companyId: actor.companyId,
    recipient: invitation.email,
    locale: invitation.locale,
    email: {
      template: 'invitation',
      inviterName,
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
    .where(and(eq(invitations.id, invitationId), eq(invitationCompanies.companyId, actor.companyId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
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
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = invitationExpiry();
  await tx.update(invitations).set({ tokenHash, expiresAt }).where(eq(invitations.id, invitation.id));
  await recordEvent(tx, actor, { type: 'invitation.resent', invitationId: invitation.id, data: { email: invitation.email } });
  const names = await invitationCompanyNames(tx, invitation.id);
  const outboxId = await sendInvitationEmail(tx, actor, { ...invitation, expiresAt }, token, names, await actorName(tx, actor.userId));
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
  await tx.delete(invitationCompanies).where(and(eq(invitationCompanies.invitationId, invitation.id), eq(invitationCompanies.companyId, actor.companyId)));
  const [left] = await tx.select({ id: invitationCompanies.id }).from(invitationCompanies).where(eq(invitationCompanies.invitationId, invitation.id)).limit(1);
  if (!left) await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, invitation.id));
  await recordEvent(tx, actor, { type: 'invitation.revoked', invitationId: invitation.id, data: { email: invitation.email } });
}
