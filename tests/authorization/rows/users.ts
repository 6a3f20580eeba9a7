import { randomUUID } from 'node:crypto';
import { invitationCompanies, invitations } from '@/db/schema';
import { newInvitationToken } from '@/lib/invitations/token';
import { makeUser } from '@/tests/helpers/factories';
import type { MatrixFixture, MatrixRow } from '@/tests/authorization/types';

/** A pending invitation to company A, sent by its Administrator. */
async function pendingInvitation(fx: MatrixFixture, to: { email?: string; tokenHash?: string } = {}) {
  const [invitation] = await fx.db
    .insert(invitations)
    .values({
      email: to.email ?? `invitee-${randomUUID().slice(0, 8)}@test.no`,
      role: 'read',
      tokenHash: to.tokenHash ?? randomUUID(),
      invitedByUserId: fx.users.admin.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning({ id: invitations.id });
  if (!invitation) throw new Error('invitation insert failed');
  await fx.db.insert(invitationCompanies).values({ companyId: fx.companyId, invitationId: invitation.id });
  return invitation.id;
}

export const rows: MatrixRow[] = [
  {
    file: 'lib/users/actions.ts',
    name: 'updateMemberAccessAction',
    needs: 'admin',
    writes: true,
    input: (fx) => ({
      form: { companyId: fx.companyId, userId: fx.users.read.id, role: 'write', companyIds: [fx.companyId], scope: [fx.companyId] },
    }),
  },
  {
    file: 'lib/users/actions.ts',
    name: 'deleteUserAction',
    needs: 'admin',
    writes: true,
    input: async (fx) => {
      const target = await makeUser(fx.db, { memberships: [{ companyId: fx.companyId, role: 'read' }] });
      return { form: { companyId: fx.companyId, userId: target.id } };
    },
  },
  {
    file: 'lib/users/actions.ts',
    name: 'updateProfileAction',
    needs: 'signedIn',
    writes: true,
    input: () => ({ form: { name: `Nytt Navn ${randomUUID().slice(0, 6)}`, phone: '' } }),
  },
  {
    file: 'lib/invitations/actions.ts',
    name: 'inviteUsersAction',
    needs: 'admin',
    writes: true,
    input: (fx) => ({
      form: {
        companyId: fx.companyId,
        emails: `ny-${randomUUID().slice(0, 8)}@test.no`,
        role: 'read',
        locale: 'nb',
        companyIds: [fx.companyId],
      },
    }),
  },
  {
    file: 'lib/invitations/actions.ts',
    name: 'resendInvitationAction',
    needs: 'admin',
    writes: true,
    input: async (fx) => ({ form: { companyId: fx.companyId, invitationId: await pendingInvitation(fx) } }),
  },
  {
    file: 'lib/invitations/actions.ts',
    name: 'revokeInvitationAction',
    needs: 'admin',
    writes: true,
    input: async (fx) => ({ form: { companyId: fx.companyId, invitationId: await pendingInvitation(fx) } }),
  },
  {
    // An existing account accepts, signed in: the invitation is to company A and addressed to the caller's own
    // address, so every creditor principal may (and joins A, or is already in it: the invitation is then used).
    file: 'lib/invitations/actions.ts',
    name: 'acceptInvitationAsMemberAction',
    needs: 'creditorAccount',
    writes: true,
    input: async (fx, principal) => {
      const email = principal === 'anonymous' || principal === 'pendingSecondFactor' ? fx.users.admin.email : fx.users[principal].email;
      const token = newInvitationToken();
      await pendingInvitation(fx, { email: email.toLowerCase(), tokenHash: token.tokenHash });
      return { form: { token: token.token } };
    },
  },
  {
    file: 'lib/invitations/actions.ts',
    name: 'acceptInvitationAction',
    needs: 'public',
    writes: true,
    notCalled: 'public: the link token is the authority; tests/e2e/users-invite.test.ts walks it, including bad and used links',
    input: () => ({}),
  },
];
