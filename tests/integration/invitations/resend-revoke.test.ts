import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { events, invitationCompanies, invitations } from '@/db/schema';
import { DomainError, NotAllowedError } from '@/lib/errors';
import { inviteUsers, resendInvitation, revokeInvitation } from '@/lib/invitations/mutations';
import { getInvitationByToken, listPendingInvitations } from '@/lib/invitations/queries';
import { makeAdminWithCompanies, outboxRow, tokenFromEmail } from '@/tests/helpers/company-admin';
import { makeUser } from '@/tests/helpers/factories';

async function invited(companyCount = 1) {
  const setup = await makeAdminWithCompanies(db, companyCount);
  const ids = setup.companies.map((c) => c.id);
  const first = ids[0] ?? '';
  const email = `vent-${crypto.randomUUID().slice(0, 8)}@test.no`;
  const { outboxIds } = await db.transaction((tx) =>
    inviteUsers(tx, setup.actor(first), { companyId: first, emails: [email], role: 'write', locale: 'nb', companyIds: ids }),
  );
  const [row] = await db.select().from(invitations).where(eq(invitations.email, email));
  if (!row) throw new Error('no invitation');
  return { ...setup, ids, email, invitation: row, token: tokenFromEmail((await outboxRow(db, outboxIds[0] ?? '')).bodyText) };
}

async function messageKey(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).messageKey;
}

describe('resending an invitation', () => {
  it('sends a new link with a new expiry; the old link stops working', async () => {
    const { actor, ids, invitation, token } = await invited();
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(invitations.id, invitation.id));
    expect((await listPendingInvitations(ids[0] ?? ''))[0]?.isExpired).toBe(true);

    const { outboxIds } = await db.transaction((tx) =>
      resendInvitation(tx, actor(), { companyId: ids[0] ?? '', invitationId: invitation.id }),
    );
    const mail = await outboxRow(db, outboxIds[0] ?? '');
    const newToken = tokenFromEmail(mail.bodyText);
    expect(newToken).not.toBe(token);
    expect((await getInvitationByToken(token)).state).toBe('unknown');
    expect((await getInvitationByToken(newToken)).state).toBe('valid');
    const [row] = await db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.subjectId, invitation.id), eq(events.type, 'invitation.resent')));
    expect(event).toMatchObject({ companyId: ids[0], actorUserId: actor().userId, data: { email: invitation.email } });
  });

  it('is refused for an accepted invitation and for another company’s invitation', async () => {
    const { actor, invitation, ids } = await invited();
    const outsider = await makeAdminWithCompanies(db);
    const theirs = outsider.companies[0]?.id ?? '';
    expect(
      await messageKey(
        db.transaction((tx) => resendInvitation(tx, outsider.actor(theirs), { companyId: theirs, invitationId: invitation.id })),
      ),
    ).toBe('users.errors.invitationNotFound');
    await db.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
    expect(
      await messageKey(db.transaction((tx) => resendInvitation(tx, actor(), { companyId: ids[0] ?? '', invitationId: invitation.id }))),
    ).toBe('users.errors.invitationNotFound');
  });

  it('is refused for Skrive users calling the mutation directly', async () => {
    const { invitation, ids } = await invited();
    const writer = await makeUser(db, { memberships: [{ companyId: ids[0] ?? '', role: 'write' }] });
    const error = await db
      .transaction((tx) =>
        resendInvitation(
          tx,
          { userId: writer.id, companyId: ids[0] ?? '', role: 'write' },
          { companyId: ids[0] ?? '', invitationId: invitation.id },
        ),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotAllowedError);
  });
});

describe('revoking an invitation', () => {
  it('withdraws it from the administrator’s company only; the link dies when no company is left', async () => {
    const { actor, ids, invitation, token } = await invited(2);
    const [a, b] = ids as [string, string];
    await db.transaction((tx) => revokeInvitation(tx, actor(a), { companyId: a, invitationId: invitation.id }));
    expect(await listPendingInvitations(a)).toEqual([]);
    expect((await listPendingInvitations(b)).map((i) => i.id)).toEqual([invitation.id]);
    expect((await getInvitationByToken(token)).state).toBe('valid');
    expect((await getInvitationByToken(token)).invitation?.companyNames).toHaveLength(1);

    await db.transaction((tx) => revokeInvitation(tx, actor(b), { companyId: b, invitationId: invitation.id }));
    const [row] = await db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row?.revokedAt).toBeInstanceOf(Date);
    expect((await getInvitationByToken(token)).state).toBe('revoked');
    expect(await db.select().from(invitationCompanies).where(eq(invitationCompanies.invitationId, invitation.id))).toEqual([]);
    const revoked = await db
      .select()
      .from(events)
      .where(and(eq(events.subjectId, invitation.id), eq(events.type, 'invitation.revoked')));
    expect(revoked.map((e) => e.companyId).sort()).toEqual([a, b].sort());
  });

  it('cannot be done from another company, and changes nothing', async () => {
    const { invitation, ids, token } = await invited();
    const outsider = await makeAdminWithCompanies(db);
    const theirs = outsider.companies[0]?.id ?? '';
    expect(
      await messageKey(
        db.transaction((tx) => revokeInvitation(tx, outsider.actor(theirs), { companyId: theirs, invitationId: invitation.id })),
      ),
    ).toBe('users.errors.invitationNotFound');
    expect((await listPendingInvitations(ids[0] ?? '')).map((i) => i.id)).toEqual([invitation.id]);
    expect((await getInvitationByToken(token)).state).toBe('valid');
  });
});
