import 'server-only';
import { and, eq, inArray, isNull, not, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { events, invitationCompanies, invitations, memberships, users } from '@/db/schema';
import { recheckRoleInTransaction, type Actor } from '@/lib/auth/gate/checks';
import { DomainError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record';
import { assertAdminsRemain, lockCompanies } from './access';
import type { DeleteUserInput, EditMemberInput, ProfileInput } from './schemas';

/**
 * The target's memberships, if they are a (live) member of the actor's company; else "not found". Agency staff
 * are never a creditor flow's target: an accidental membership does not make them one.
 */
async function memberOfActorCompany(tx: Tx, actor: Actor, userId: string) {
  const [target] = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.companyId, actor.companyId)))
    .where(and(eq(users.id, userId), isNull(users.deletedAt), eq(users.isAgencyStaff, false)));
  if (!target) throw new DomainError('users.errors.userNotFound');
  const rows = await tx
    .select({ companyId: memberships.companyId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return { ...target, memberships: rows };
}

/**
 * "Rediger → Bekreft": within the companies the dialog showed (all administered by the actor), the user
 * gets `role` where ticked and loses access where unticked. Refused if a company would lose its last
 * Administrator. Takes effect on the user's next request (requireRole reads memberships every time).
 */
export async function updateMemberAccess(tx: Tx, actor: Actor, input: EditMemberInput) {
  const scope = [...new Set(input.scope)];
  if (input.companyIds.some((id) => !scope.includes(id))) throw new DomainError('users.errors.companyNotAllowed');
  await lockCompanies(tx, [actor.companyId, ...scope]);
  await recheckRoleInTransaction(tx, actor, 'admin', scope);
  const target = await memberOfActorCompany(tx, actor, input.userId);

  const weakened: string[] = [];
  for (const companyId of scope) {
    const current = target.memberships.find((m) => m.companyId === companyId);
    const ticked = input.companyIds.includes(companyId);
    const event = { userId: actor.userId, companyId };
    if (current && !ticked) {
      await tx.delete(memberships).where(and(eq(memberships.userId, target.id), eq(memberships.companyId, companyId)));
      await recordEvent(tx, event, { type: 'member.removed', userId: target.id, data: { role: current.role } });
      if (current.role === 'admin') weakened.push(companyId);
    } else if (current && current.role !== input.role) {
      await tx
        .update(memberships)
        .set({ role: input.role })
        .where(and(eq(memberships.userId, target.id), eq(memberships.companyId, companyId)));
      await recordEvent(tx, event, { type: 'member.role_changed', userId: target.id, data: { from: current.role, to: input.role } });
      if (current.role === 'admin') weakened.push(companyId);
    } else if (!current && ticked) {
      await tx.insert(memberships).values({ companyId, userId: target.id, role: input.role });
      await recordEvent(tx, event, { type: 'member.added', userId: target.id, data: { role: input.role, via: 'admin' } });
    }
  }
  await assertAdminsRemain(tx, weakened);
}

/**
 * "Slett bruker": removes the user from every company of theirs that the actor administers (their access there
 * ends at their next request). The account itself is deleted (its sessions die at once) only when nothing else
 * is left of it: that company's own invitation created it, and it never belonged to any other company. Anything
 * else is the agency's to delete; an account with other companies keeps them.
 */
export async function deleteUser(tx: Tx, actor: Actor, input: DeleteUserInput) {
  if (input.userId === actor.userId) throw new DomainError('users.errors.cannotDeleteSelf');
  const target = await memberOfActorCompany(tx, actor, input.userId);
  await lockCompanies(tx, [actor.companyId, ...target.memberships.map((m) => m.companyId)]);
  await recheckRoleInTransaction(tx, actor, 'admin');
  // Read again under the locks: the actor's companies and the target's memberships as they are now.
  const administered = (
    await tx
      .select({ companyId: memberships.companyId })
      .from(memberships)
      .where(and(eq(memberships.userId, actor.userId), eq(memberships.role, 'admin')))
  ).map((m) => m.companyId);
  const current = await tx
    .select({ companyId: memberships.companyId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, target.id));
  const removed = current.filter((m) => administered.includes(m.companyId));
  await tx.delete(memberships).where(
    and(
      eq(memberships.userId, target.id),
      inArray(
        memberships.companyId,
        removed.map((m) => m.companyId),
      ),
    ),
  );
  for (const m of removed) {
    await recordEvent(
      tx,
      { userId: actor.userId, companyId: m.companyId },
      { type: 'member.removed', userId: target.id, data: { role: m.role } },
    );
  }
  await assertAdminsRemain(
    tx,
    removed.filter((m) => m.role === 'admin').map((m) => m.companyId),
  );
  if (
    removed.length === current.length &&
    (await createdHereOnly(
      tx,
      target.id,
      removed.map((m) => m.companyId),
    ))
  ) {
    await tx
      .update(users)
      .set({ deletedAt: new Date(), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, target.id));
    await recordEvent(tx, actor, { type: 'user.deleted', userId: target.id, data: { email: target.email } });
  }
}

/** Whether the account came from an invitation to one of these companies and was never a member anywhere else. */
async function createdHereOnly(tx: Tx, userId: string, companyIds: string[]) {
  const [created] = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .innerJoin(invitationCompanies, eq(invitationCompanies.invitationId, invitations.id))
    .where(and(eq(invitations.createdUserId, userId), inArray(invitationCompanies.companyId, companyIds)))
    .limit(1);
  if (!created) return false;
  const [elsewhere] = await tx
    .select({ id: events.id })
    .from(events)
    .where(
      and(
        eq(events.subjectType, 'user'),
        eq(events.subjectId, userId),
        eq(events.type, 'member.added'),
        not(inArray(events.companyId, companyIds)),
      ),
    )
    .limit(1);
  return !elsewhere;
}

/** The signed-in user's own name and phone (the email address cannot be changed, see the help centre). */
export async function updateProfile(tx: Tx, userId: string, input: ProfileInput) {
  const [before] = await tx.select({ name: users.name, phone: users.phone }).from(users).where(eq(users.id, userId)).for('update');
  if (!before) throw new DomainError('common.errors.notFound');
  const phone = input.phone || null;
  const fields = [...(before.name !== input.name ? (['name'] as const) : []), ...(before.phone !== phone ? (['phone'] as const) : [])];
  if (fields.length === 0) return;
  await tx.update(users).set({ name: input.name, phone }).where(eq(users.id, userId));
  await recordEvent(tx, { userId, companyId: null }, { type: 'user.profile_updated', userId, data: { fields } });
}
