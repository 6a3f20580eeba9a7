import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { events, invitationCompanies, invitations, memberships, users } from '@/db/schema';
import { getLiveSession } from '@/lib/auth/session';
import { authenticatePassword } from '@/lib/auth/sign-in';
import { DomainError } from '@/lib/errors';
import { deleteUser, updateMemberAccess } from '@/lib/users/mutations';
import { getMemberForEdit, listCompanyMembers } from '@/lib/users/queries';
import { makeAdminWithCompanies } from '@/tests/helpers/company-admin';
import { makeCompany, makeUser } from '@/tests/helpers/factories';

async function messageKey(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).messageKey;
}

/** An account the way an invitation of `companyIds` creates it: the invitation names it, the joins are audited. */
async function invitedAccount(inviterId: string, companyIds: string[], role: 'read' | 'write' | 'admin' = 'write') {
  const user = await makeUser(db, { memberships: companyIds.map((companyId) => ({ companyId, role })) });
  const [invitation] = await db
    .insert(invitations)
    .values({
      email: user.email,
      role,
      tokenHash: crypto.randomUUID(),
      invitedByUserId: inviterId,
      expiresAt: new Date(),
      acceptedAt: new Date(),
      createdUserId: user.id,
    })
    .returning({ id: invitations.id });
  await db.insert(invitationCompanies).values(companyIds.map((companyId) => ({ companyId, invitationId: invitation?.id ?? '' })));
  await db.insert(events).values(
    companyIds.map((companyId) => ({
      companyId,
      actorUserId: user.id,
      type: 'member.added',
      subjectType: 'user',
      subjectId: user.id,
      data: { role, via: 'invitation' },
    })),
  );
  return user;
}

async function signedIn(user: { email: string; password: string }) {
  const signIn = await authenticatePassword(db, user.email, user.password, { ipAddress: '10.5.5.5', userAgent: null });
  if (!signIn.ok) throw new Error('sign-in refused');
  return signIn.sessionId;
}

async function deletedAt(userId: string) {
  const [row] = await db.select({ deletedAt: users.deletedAt }).from(users).where(eq(users.id, userId));
  return row?.deletedAt ?? null;
}

describe('Slett bruker', () => {
  it('deletes an account that this company’s invitation created and nothing else knows: memberships, sessions, the account', async () => {
    const { companies, actor, admin } = await makeAdminWithCompanies(db, 2);
    const [a, b] = companies.map((c) => c.id) as [string, string];
    const user = await invitedAccount(admin.id, [a, b]);
    const sessionId = await signedIn(user);

    await db.transaction((tx) => deleteUser(tx, actor(a), { companyId: a, userId: user.id }));
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row?.deletedAt).toBeInstanceOf(Date);
    expect(row?.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await db.select().from(memberships).where(eq(memberships.userId, user.id))).toEqual([]);
    expect(await getLiveSession(db, sessionId)).toBeNull();
    await expect(authenticatePassword(db, user.email, user.password, { ipAddress: '10.5.5.6', userAgent: null })).resolves.toEqual({
      ok: false,
      reason: 'invalid',
    });

    const audit = await db.select().from(events).where(eq(events.subjectId, user.id));
    expect(
      audit
        .filter((e) => e.type === 'member.removed')
        .map((e) => e.companyId)
        .sort(),
    ).toEqual([a, b].sort());
    expect(audit.find((e) => e.type === 'user.deleted')).toMatchObject({
      companyId: a,
      actorUserId: actor().userId,
      data: { email: user.email },
    });
  });

  it('only removes the memberships of an account it did not create: the account and its sessions live on', async () => {
    const { companies, actor } = await makeAdminWithCompanies(db, 2);
    const [a, b] = companies.map((c) => c.id) as [string, string];
    // An account from elsewhere (the agency's tooling, another company's invitation) that was added to A and B.
    const user = await makeUser(db, {
      memberships: [
        { companyId: a, role: 'write' },
        { companyId: b, role: 'admin' },
      ],
    });
    const sessionId = await signedIn(user);
    await db.transaction((tx) => deleteUser(tx, actor(a), { companyId: a, userId: user.id }));
    expect(await db.select().from(memberships).where(eq(memberships.userId, user.id))).toEqual([]);
    expect(await deletedAt(user.id)).toBeNull();
    expect(await getLiveSession(db, sessionId)).not.toBeNull();
    expect(
      await db
        .select()
        .from(events)
        .where(and(eq(events.subjectId, user.id), eq(events.type, 'user.deleted'))),
    ).toEqual([]);
  });

  it('removes a user who also works for another company from the administrator’s companies only', async () => {
    const { companies, actor, admin } = await makeAdminWithCompanies(db);
    const a = companies[0]?.id ?? '';
    const elsewhere = await makeCompany(db);
    const user = await invitedAccount(admin.id, [a], 'read');
    await db.insert(memberships).values({ companyId: elsewhere.id, userId: user.id, role: 'admin' });
    await db.transaction((tx) => deleteUser(tx, actor(a), { companyId: a, userId: user.id }));
    expect(
      await db
        .select({ companyId: memberships.companyId, role: memberships.role })
        .from(memberships)
        .where(eq(memberships.userId, user.id)),
    ).toEqual([{ companyId: elsewhere.id, role: 'admin' }]);
    expect(await deletedAt(user.id)).toBeNull();
  });

  it('keeps an account its invitation created once it has been a member of another company', async () => {
    const { companies, actor, admin } = await makeAdminWithCompanies(db);
    const a = companies[0]?.id ?? '';
    const user = await invitedAccount(admin.id, [a]);
    // It joined another company later and left it again: history the inviting company does not own.
    const elsewhere = await makeCompany(db);
    await db.insert(events).values({
      companyId: elsewhere.id,
      actorUserId: user.id,
      type: 'member.added',
      subjectType: 'user',
      subjectId: user.id,
      data: { role: 'read', via: 'invitation' },
    });
    await db.transaction((tx) => deleteUser(tx, actor(a), { companyId: a, userId: user.id }));
    expect(await db.select().from(memberships).where(eq(memberships.userId, user.id))).toEqual([]);
    expect(await deletedAt(user.id)).toBeNull();
  });

  it('never touches an agency staff account, even one that was made a member of the company', async () => {
    const { companies, actor } = await makeAdminWithCompanies(db);
    const a = companies[0]?.id ?? '';
    const staff = await makeUser(db, { memberships: [{ companyId: a, role: 'read' }] });
    await db.update(users).set({ isAgencyStaff: true }).where(eq(users.id, staff.id));
    expect(await messageKey(db.transaction((tx) => deleteUser(tx, actor(a), { companyId: a, userId: staff.id })))).toBe(
      'users.errors.userNotFound',
    );
    expect(
      await messageKey(
        db.transaction((tx) =>
          updateMemberAccess(tx, actor(a), { companyId: a, userId: staff.id, role: 'admin', companyIds: [], scope: [a] }),
        ),
      ),
    ).toBe('users.errors.userNotFound');
    expect(await db.select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, staff.id))).toEqual([
      { role: 'read' },
    ]);
    expect(await deletedAt(staff.id)).toBeNull();
    expect((await listCompanyMembers(a)).map((m) => m.id)).not.toContain(staff.id);
    expect(await getMemberForEdit(a, staff.id, [a])).toBeNull();
  });

  it('refuses deleting yourself, a user of another company, and Skrive members who try', async () => {
    const { companies, admin, actor } = await makeAdminWithCompanies(db);
    const a = companies[0]?.id ?? '';
    expect(await messageKey(db.transaction((tx) => deleteUser(tx, actor(a), { companyId: a, userId: admin.id })))).toBe(
      'users.errors.cannotDeleteSelf',
    );
    const outsider = await makeUser(db, { memberships: [{ companyId: (await makeCompany(db)).id, role: 'read' }] });
    expect(await messageKey(db.transaction((tx) => deleteUser(tx, actor(a), { companyId: a, userId: outsider.id })))).toBe(
      'users.errors.userNotFound',
    );
    const writer = await makeUser(db, { memberships: [{ companyId: a, role: 'write' }] });
    const victim = await makeUser(db, { memberships: [{ companyId: a, role: 'read' }] });
    expect(
      await messageKey(
        db.transaction((tx) => deleteUser(tx, { userId: writer.id, companyId: a, role: 'write' }, { companyId: a, userId: victim.id })),
      ),
    ).toBe('common.errors.notAllowed');
    for (const id of [admin.id, outsider.id, victim.id]) {
      const [row] = await db.select({ deletedAt: users.deletedAt }).from(users).where(eq(users.id, id));
      expect(row?.deletedAt).toBeNull();
    }
    expect(
      await db
        .select()
        .from(events)
        .where(and(eq(events.type, 'user.deleted'), eq(events.companyId, a))),
    ).toEqual([]);
  });
});
