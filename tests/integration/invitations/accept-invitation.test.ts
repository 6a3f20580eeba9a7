import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { events, invitations, memberships, secondFactors, users } from '@/db/schema';
import { decryptSecret } from '@/lib/auth/crypto';
import { hashPassword } from '@/lib/auth/password';
import { authenticatePassword, verifySecondFactor } from '@/lib/auth/sign-in';
import { verifyTotp } from '@/lib/auth/totp';
import { DomainError } from '@/lib/errors';
import { acceptInvitation, acceptInvitationAsMember } from '@/lib/invitations/accept';
import { inviteUsers, revokeInvitation } from '@/lib/invitations/mutations';
import { getInvitationByToken } from '@/lib/invitations/queries';
import { invitationTotpSecret } from '@/lib/invitations/token';
import { deleteUser } from '@/lib/users/mutations';
import { makeAdminWithCompanies, outboxRow, tokenFromEmail } from '@/tests/helpers/company-admin';
import { makeUser } from '@/tests/helpers/factories';

const PASSWORD = 'Et-langt-passord-123';
const client = { ipAddress: '10.4.4.4', userAgent: 'vitest' };
let passwordHash: Promise<string> | undefined;

async function invite(companyCount = 1, role: 'read' | 'write' | 'admin' = 'write') {
  const setup = await makeAdminWithCompanies(db, companyCount);
  const ids = setup.companies.map((c) => c.id);
  const email = `invitert-${crypto.randomUUID().slice(0, 8)}@test.no`;
  const first = ids[0] ?? '';
  const { outboxIds } = await db.transaction((tx) =>
    inviteUsers(tx, setup.actor(first), { companyId: first, emails: [email], role, locale: 'en', companyIds: ids }),
  );
  const token = tokenFromEmail((await outboxRow(db, outboxIds[0] ?? '')).bodyText);
  return { ...setup, ids, email, token };
}

/** What the acceptance action does: a valid current code for the link's secret, then the transaction. */
async function accept(token: string, name = 'Kari Nordmann') {
  const totpSecret = invitationTotpSecret(token);
  const check = await verifyTotp(totpSecret, await generate({ secret: totpSecret }), null);
  if (!check.valid) throw new Error('code not valid');
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  return db.transaction((tx) => acceptInvitation(tx, { token, name, passwordHash: hash, totpSecret, totpStep: check.timeStep }));
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).messageKey;
}

describe('accepting an invitation', () => {
  it('creates the user, the invited memberships and a confirmed TOTP factor, and marks the link used', async () => {
    const { ids, email, token } = await invite(2, 'read');
    expect((await getInvitationByToken(token)).state).toBe('valid');
    const { userId, locale } = await accept(token);
    expect(locale).toBe('en');

    const [user] = await db.select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ email, name: 'Kari Nordmann', locale: 'en', deletedAt: null });
    expect(user?.passwordHash).toMatch(/^scrypt\$/);
    const rows = await db
      .select({ companyId: memberships.companyId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.userId, userId));
    expect(rows.map((r) => r.companyId).sort()).toEqual([...ids].sort());
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(['read']));
    const [factor] = await db.select().from(secondFactors).where(eq(secondFactors.userId, userId));
    expect(factor?.confirmedAt).toBeInstanceOf(Date);
    expect(factor?.lastUsedStep).toBeGreaterThan(0);
    expect(decryptSecret(factor?.secretEncrypted ?? '')).toBe(invitationTotpSecret(token));

    const [invitation] = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(invitation?.acceptedAt).toBeInstanceOf(Date);
    const accepted = await db
      .select()
      .from(events)
      .where(and(eq(events.subjectId, invitation?.id ?? ''), eq(events.type, 'invitation.accepted')));
    expect(accepted.map((e) => e.companyId).sort()).toEqual([...ids].sort());
    expect(
      await db
        .select()
        .from(events)
        .where(and(eq(events.subjectId, userId), eq(events.type, 'member.added'))),
    ).toHaveLength(2);
    expect((await getInvitationByToken(token)).state).toBe('accepted');
  });

  it('lets the new user sign in with the password and a later code from the same app', async () => {
    const { email, token } = await invite();
    const { userId } = await accept(token);
    const signIn = await authenticatePassword(db, email, PASSWORD, client);
    if (!signIn.ok) throw new Error('password refused');
    // The code used to finish the invitation is spent; the next 30-second step is accepted.
    const nextCode = await generate({ secret: invitationTotpSecret(token), epoch: Math.floor(Date.now() / 1000) + 30 });
    await expect(verifySecondFactor(db, { sessionId: signIn.sessionId, userId, email }, nextCode, client)).resolves.toMatchObject({
      ok: true,
    });
  });

  it('refuses a used link, and two simultaneous uses create one user', async () => {
    const { email, token } = await invite();
    const results = await Promise.allSettled([accept(token), accept(token)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' && (rejected.reason as DomainError).messageKey).toBe('users.errors.invitationUsed');
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
    expect(await refusal(accept(token))).toBe('users.errors.invitationUsed');
  });

  it('refuses an expired, a revoked and an unknown link, and creates nothing', async () => {
    const expired = await invite();
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.email, expired.email));
    expect((await getInvitationByToken(expired.token)).state).toBe('expired');
    expect(await refusal(accept(expired.token))).toBe('users.errors.invitationExpired');

    const revoked = await invite();
    const [row] = await db.select().from(invitations).where(eq(invitations.email, revoked.email));
    await db.transaction((tx) => revokeInvitation(tx, revoked.actor(), { companyId: revoked.ids[0] ?? '', invitationId: row?.id ?? '' }));
    expect((await getInvitationByToken(revoked.token)).state).toBe('revoked');
    expect(await refusal(accept(revoked.token))).toBe('users.errors.invitationRevoked');

    const unknown = 'A'.repeat(43);
    expect((await getInvitationByToken(unknown)).state).toBe('unknown');
    expect((await getInvitationByToken('../../etc')).state).toBe('unknown');
    expect(await refusal(accept(unknown))).toBe('users.errors.invitationInvalid');

    for (const email of [expired.email, revoked.email]) expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it('gives a deleted account back to its address, fresh, when it is invited again', async () => {
    const first = await invite(1, 'admin');
    const { userId } = await accept(first.token, 'Gammel Bruker');
    await db.transaction((tx) => deleteUser(tx, first.actor(), { companyId: first.ids[0] ?? '', userId }));
    const [deleted] = await db.select().from(users).where(eq(users.id, userId));
    expect(deleted?.deletedAt).toBeInstanceOf(Date);

    const company = first.ids[0] ?? '';
    const { outboxIds } = await db.transaction((tx) =>
      inviteUsers(tx, first.actor(company), {
        companyId: company,
        emails: [first.email],
        role: 'read',
        locale: 'nb',
        companyIds: [company],
      }),
    );
    const token = tokenFromEmail((await outboxRow(db, outboxIds[0] ?? '')).bodyText);
    const again = await accept(token, 'Ny Bruker');
    expect(again).toEqual({ userId, locale: 'nb' });
    const [revived] = await db.select().from(users).where(eq(users.id, userId));
    expect(revived).toMatchObject({ name: 'Ny Bruker', deletedAt: null, locale: 'nb', sessionVersion: (deleted?.sessionVersion ?? 0) + 1 });
    expect(await db.select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, userId))).toEqual([{ role: 'read' }]);
    expect(await db.select().from(secondFactors).where(eq(secondFactors.userId, userId))).toHaveLength(1);
  });

  it('revives a deleted account without the agency-staff flag it once had', async () => {
    const first = await invite(1, 'admin');
    const { userId } = await accept(first.token, 'Gammel Bruker');
    await db.update(users).set({ isAgencyStaff: true, deletedAt: new Date() }).where(eq(users.id, userId));
    const company = first.ids[0] ?? '';
    const { outboxIds } = await db.transaction((tx) =>
      inviteUsers(tx, first.actor(company), {
        companyId: company,
        emails: [first.email],
        role: 'read',
        locale: 'nb',
        companyIds: [company],
      }),
    );
    await accept(tokenFromEmail((await outboxRow(db, outboxIds[0] ?? '')).bodyText), 'Ny Bruker');
    const [revived] = await db.select({ staff: users.isAgencyStaff, deletedAt: users.deletedAt }).from(users).where(eq(users.id, userId));
    expect(revived).toEqual({ staff: false, deletedAt: null });
  });
});

describe('an existing account and an invitation', () => {
  async function inviteExisting(options: { staff?: boolean } = {}) {
    const setup = await makeAdminWithCompanies(db, 2);
    const ids = setup.companies.map((c) => c.id);
    const account = await makeUser(db, { memberships: [] });
    if (options.staff) await db.update(users).set({ isAgencyStaff: true }).where(eq(users.id, account.id));
    const first = ids[0] ?? '';
    const { outboxIds } = await db.transaction((tx) =>
      inviteUsers(tx, setup.actor(first), { companyId: first, emails: [account.email], role: 'write', locale: 'nb', companyIds: ids }),
    );
    const token = tokenFromEmail((await outboxRow(db, outboxIds[0] ?? '')).bodyText);
    return { ...setup, ids, account, token };
  }
  const membershipsOf = (userId: string) =>
    db.select({ companyId: memberships.companyId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));

  it('joins only when its owner, signed in as that address, accepts; the account itself is untouched', async () => {
    const { ids, account, token } = await inviteExisting();
    expect(await membershipsOf(account.id)).toEqual([]);
    // The new-account form cannot take the address over: no second account, no new password or factor.
    expect(await refusal(accept(token))).toBe('users.errors.accountExists');
    const [before] = await db.select().from(users).where(eq(users.id, account.id));

    await db.transaction((tx) => acceptInvitationAsMember(tx, { userId: account.id, email: account.email }, token));
    expect((await membershipsOf(account.id)).sort((a, b) => a.companyId.localeCompare(b.companyId))).toEqual(
      ids.map((companyId) => ({ companyId, role: 'write' })).sort((a, b) => a.companyId.localeCompare(b.companyId)),
    );
    const [after] = await db.select().from(users).where(eq(users.id, account.id));
    expect(after).toEqual(before);
    const [invitation] = await db.select().from(invitations).where(eq(invitations.email, account.email));
    // Accepted, but it did not create the account: the inviting company may not delete it later.
    expect(invitation).toMatchObject({ acceptedAt: expect.any(Date), createdUserId: null });
    expect(await refusal(db.transaction((tx) => acceptInvitationAsMember(tx, { userId: account.id, email: account.email }, token)))).toBe(
      'users.errors.invitationUsed',
    );
  });

  it('refuses another signed-in account and agency staff, and changes nothing', async () => {
    const { account, token } = await inviteExisting();
    const someoneElse = await makeUser(db);
    expect(
      await refusal(db.transaction((tx) => acceptInvitationAsMember(tx, { userId: someoneElse.id, email: someoneElse.email }, token))),
    ).toBe('users.errors.invitationOtherAccount');
    expect(await membershipsOf(someoneElse.id)).toEqual([]);
    expect((await getInvitationByToken(token)).state).toBe('valid');

    const staff = await inviteExisting({ staff: true });
    expect(
      await refusal(
        db.transaction((tx) => acceptInvitationAsMember(tx, { userId: staff.account.id, email: staff.account.email }, staff.token)),
      ),
    ).toBe('users.errors.invitationInvalid');
    expect(await membershipsOf(staff.account.id)).toEqual([]);
    expect(await membershipsOf(account.id)).toEqual([]);
  });
});
