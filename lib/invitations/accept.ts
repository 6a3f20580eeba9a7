import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { invitationCompanies, invitations, memberships, passkeys, recoveryCodes, secondFactors, users } from '@/db/schema';
import { encryptSecret, sha256 } from '@/lib/auth/crypto';
import { DomainError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record';
import { INVITATION_STATE_ERRORS, invitationState } from './state';

export type AcceptInvitationData = {
  token: string;
  name: string;
  passwordHash: string;
  /** The TOTP secret the invitee set up, and the time step of the code they proved it with (not reusable). */
  totpSecret: string;
  totpStep: number;
};

/**
 * Turns a valid invitation into a user: the account, its confirmed TOTP factor, the memberships and the
 * invitation's acceptance commit together. The row lock makes a link usable once, even by two tabs at once.
 * An address whose earlier account was deleted gets that account back, fresh (the email is unique).
 */
export async function acceptInvitation(tx: Tx, data: AcceptInvitationData) {
  const [invitation] = await tx.select().from(invitations).where(eq(invitations.tokenHash, sha256(data.token))).for('update');
  const companyRows = invitation
    ? await tx.select({ companyId: invitationCompanies.companyId }).from(invitationCompanies).where(eq(invitationCompanies.invitationId, invitation.id))
    : [];
  const state = invitationState(invitation, companyRows.length);
  if (!invitation || state !== 'valid') throw new DomainError(INVITATION_STATE_ERRORS[state === 'valid' ? 'unknown' : state]);

  const [existing] = await tx
    .select({ id: users.id, deletedAt: users.deletedAt })
    .from(users)
    .where(sql`lower(${users.email}) = ${invitation.email}`)
    .for('update');
  if (existing && !existing.deletedAt) throw new DomainError('users.errors.accountExists');

  const profile = { name: data.name, passwordHash: data.passwordHash, locale: invitation.locale };
  let userId: string;
  if (existing) {
    userId = existing.id;
    await tx
      .update(users)
      .set({ ...profile, phone: null, deletedAt: null, lastSignInAt: null, preferredSecondFactor: 'totp', betaEnabled: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    await tx.delete(secondFactors).where(eq(secondFactors.userId, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.delete(passkeys).where(eq(passkeys.userId, userId));
  } else {
    const [created] = await tx.insert(users).values({ email: invitation.email, ...profile }).returning({ id: users.id });
    if (!created) throw new Error('user insert returned nothing');
    userId = created.id;
  }
  const now = new Date();
  await tx.insert(secondFactors).values({ userId, method: 'totp', secretEncrypted: encryptSecret(data.totpSecret), lastUsedStep: data.totpStep, confirmedAt: now });
  await tx.insert(memberships).values(companyRows.map(({ companyId }) => ({ companyId, userId, role: invitation.role }))).onConflictDoNothing();
  await tx.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, invitation.id));
  for (const { companyId } of companyRows) {
    const actor = { userId, companyId };
    await recordEvent(tx, actor, { type: 'invitation.accepted', invitationId: invitation.id, data: { email: invitation.email, userId } });
    await recordEvent(tx, actor, { type: 'member.added', userId, data: { role: invitation.role, via: 'invitation' } });
  }
  return { userId, locale: invitation.locale };
}
