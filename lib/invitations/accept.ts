import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { invitationCompanies, invitations, memberships, passkeys, recoveryCodes, secondFactors, users, type Invitation } from '@/db/schema';
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

/** The link's invitation and its companies, locked (a link is usable once, even by two tabs at once); else its state's message. */
async function lockValidInvitation(tx: Tx, token: string) {
  const [invitation] = await tx
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, sha256(token)))
    .for('update');
  const companyRows = invitation
    ? await tx
        .select({ companyId: invitationCompanies.companyId })
        .from(invitationCompanies)
        .where(eq(invitationCompanies.invitationId, invitation.id))
    : [];
  const state = invitationState(invitation, companyRows.length);
  if (!invitation || state !== 'valid') throw new DomainError(INVITATION_STATE_ERRORS[state === 'valid' ? 'unknown' : state]);
  return { invitation, companyIds: companyRows.map((row) => row.companyId) };
}

async function joinCompanies(tx: Tx, invitation: Invitation, companyIds: string[], userId: string) {
  await tx
    .insert(memberships)
    .values(companyIds.map((companyId) => ({ companyId, userId, role: invitation.role })))
    .onConflictDoNothing();
  for (const companyId of companyIds) {
    const actor = { userId, companyId };
    await recordEvent(tx, actor, { type: 'invitation.accepted', invitationId: invitation.id, data: { email: invitation.email, userId } });
    await recordEvent(tx, actor, { type: 'member.added', userId, data: { role: invitation.role, via: 'invitation' } });
  }
}

/**
 * Turns a valid invitation into a new user: the account, its confirmed TOTP factor, the memberships and the
 * invitation's acceptance commit together. An address whose earlier account was deleted gets that account back,
 * fresh (the email is unique): no factors, no staff flag. An address with a live account is refused: its owner
 * signs in and accepts (acceptInvitationAsMember).
 */
export async function acceptInvitation(tx: Tx, data: AcceptInvitationData) {
  const { invitation, companyIds } = await lockValidInvitation(tx, data.token);

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
      .set({
        ...profile,
        phone: null,
        deletedAt: null,
        lastSignInAt: null,
        preferredSecondFactor: 'totp',
        betaEnabled: false,
        isAgencyStaff: false,
        sessionVersion: sql`${users.sessionVersion} + 1`,
      })
      .where(eq(users.id, userId));
    await tx.delete(secondFactors).where(eq(secondFactors.userId, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.delete(passkeys).where(eq(passkeys.userId, userId));
  } else {
    const [created] = await tx
      .insert(users)
      .values({ email: invitation.email, ...profile })
      .returning({ id: users.id });
    if (!created) throw new Error('user insert returned nothing');
    userId = created.id;
  }
  const now = new Date();
  await tx
    .insert(secondFactors)
    .values({ userId, method: 'totp', secretEncrypted: encryptSecret(data.totpSecret), lastUsedStep: data.totpStep, confirmedAt: now });
  await tx.update(invitations).set({ acceptedAt: now, createdUserId: userId }).where(eq(invitations.id, invitation.id));
  await joinCompanies(tx, invitation, companyIds, userId);
  return { userId, locale: invitation.locale };
}

/**
 * An existing account accepts, signed in as the invited address: only now do its memberships exist. Agency staff
 * never join a creditor company (the gate refuses them before this; checked again under the lock).
 */
export async function acceptInvitationAsMember(tx: Tx, user: { userId: string; email: string }, token: string) {
  const { invitation, companyIds } = await lockValidInvitation(tx, token);
  const [account] = await tx
    .select({ staff: users.isAgencyStaff, email: users.email })
    .from(users)
    .where(eq(users.id, user.userId))
    .for('update');
  if (!account || account.email.toLowerCase() !== invitation.email) throw new DomainError('users.errors.invitationOtherAccount');
  if (account.staff) throw new DomainError('users.errors.invitationInvalid');
  await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
  await joinCompanies(tx, invitation, companyIds, user.userId);
}
