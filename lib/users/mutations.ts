import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { memberships, users } from '@/db/schema';
import { recheckRoleInTransaction, type Actor } from '@/lib/auth/gate/checks';
import { DomainError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record';
import { assertAdminsRemain, lockCompanies } from './access';
import type { DeleteUserInput, EditMemberInput, ProfileInput } from './schemas';

/** The target's memberships, if they are a (live) member of the actor's company; else "not found". */
async function memberOfActorCompany(tx: Tx, actor: Actor, userId: string) {
  const [target] = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.companyId, actor.companyId)))
    .where(and(eq(users.id, userId), isNull(users.deletedAt)));
  if (!target) throw new DomainError('users.errors.userNotFound');
  const rows = await tx.select({ companyId: memberships.companyId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));
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
      await tx.update(memberships).set({ role: input.role }).where(and(eq(memberships.userId, target.id), eq(memberships.companyId, companyId)));
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
 * "Slett bruker": deletes the account (its sessions die at once) when every company it belongs to is one the
 * actor administers; a user who also works for another company can only be removed from the actor's ones.
 */
export async function deleteUser(tx: Tx, actor: Actor, input: DeleteUserInput) {
  if (input.userId === actor.userId) throw new DomainError('users.errors.cannotDeleteSelf');
  const target = await memberOfActorCompany(tx, actor, input.userId);
  const companyIds = target.memberships.map((m) => m.companyId);
  await lockCompanies(tx, [actor.companyId, ...companyIds]);
  try {
    await recheckRoleInTransaction(tx, actor, 'admin', companyIds);
  } catch (error) {
    if (error instanceof DomainError && error.messageKey === 'users.errors.companyNotAllowed') throw new DomainError('users.errors.hasOtherCompanies');
    throw error;
  }
  // Read again under the locks: a membership added meanwhile must not slip through.
  const current = await tx.select({ companyId: memberships.companyId, role: memberships.role }).from(memberships).where(eq(memberships.userId, target.id));
  if (current.some((m) => !companyIds.includes(m.companyId))) throw new DomainError('users.errors.hasOtherCompanies');
  await tx.delete(memberships).where(and(eq(memberships.userId, target.id), inArray(memberships.companyId, companyIds)));
  for (const m of current) {
    await recordEvent(tx, { userId: actor.userId, companyId: m.companyId }, { type: 'member.removed', userId: target.id, data: { role: m.role } });
  }
  await tx.update(users).set({ deletedAt: new Date(), sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, target.id));
  await recordEvent(tx, actor, { type: 'user.deleted', userId: target.id, data: { email: target.email } });
  await assertAdminsRemain(tx, current.filter((m) => m.role === 'admin').map((m) => m.companyId));
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
