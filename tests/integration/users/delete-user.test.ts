import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { events, memberships, users } from '@/db/schema';
import { getLiveSession } from '@/lib/auth/session';
import { authenticatePassword } from '@/lib/auth/sign-in';
import { DomainError } from '@/lib/errors';
import { deleteUser } from '@/lib/users/mutations';
import { getMemberForEdit } from '@/lib/users/queries';
import { makeAdminWithCompanies } from '@/tests/helpers/company-admin';
import { makeCompany, makeUser } from '@/tests/helpers/factories';

async function messageKey(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).messageKey;
}

describe('Slett bruker', () => {
  it('deletes the account, its memberships and its open sessions, and records it', async () => {
    const { companies, actor } = await makeAdminWithCompanies(db, 2);
    const [a, b] = companies.map((c) => c.id) as [string, string];
    const user = await makeUser(db, { memberships: [{ companyId: a, role: 'write' }, { companyId: b, role: 'admin' }] });
    const signIn = await authenticatePassword(db, user.email, user.password, { ipAddress: '10.5.5.5', userAgent: null });
    if (!signIn.ok) throw new Error('sign-in refused');
    expect(await getLiveSession(db, signIn.sessionId)).not.toBeNull();

    await db.transaction((tx) => deleteUser(tx, actor(a), { companyId: a, userId: user.id }));
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row?.deletedAt).toBeInstanceOf(Date);
    expect(row?.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await db.select().from(memberships).where(eq(memberships.userId, user.id))).toEqual([]);
    expect(await getLiveSession(db, signIn.sessionId)).toBeNull();
    await expect(authenticatePassword(db, user.email, user.password, { ipAddress: '10.5.5.6', userAgent: null })).resolves.toEqual({ ok: false, reason: 'invalid' });

    const audit = await db.select().from(events).where(eq(events.subjectId, user.id));
    expect(audit.filter((e) => e.type === 'member.removed').map((e) => e.companyId).sort()).toEqual([a, b].sort());
    expect(audit.find((e) => e.type === 'user.deleted')).toMatchObject({ companyId: a, actorUserId: actor().userId, data: { email: user.email } });
  });

  it('refuses when the user also belongs to a company the administrator does not administer', async () => {
    const { companies, actor } = await makeAdminWithCompanies(db);
    const a = companies[0]?.id ?? '';
    const elsewhere = await makeCompany(db);
    const user = await makeUser(db, { memberships: [{ companyId: a, role: 'read' }, { companyId: elsewhere.id, role: 'read' }] });
    expect(await getMemberForEdit(a, user.id, [a])).toMatchObject({ hasOtherCompanies: true });
    expect(await messageKey(db.transaction((tx) => deleteUser(tx, actor(a), { companyId: a, userId: user.id })))).toBe('users.errors.hasOtherCompanies');
    expect(await db.select().from(memberships).where(eq(memberships.userId, user.id))).toHaveLength(2);
    const [row] = await db.select({ deletedAt: users.deletedAt }).from(users).where(eq(users.id, user.id));
    expect(row?.deletedAt).toBeNull();
  });

  it('refuses deleting yourself, a user of another company, and Skrive members who try', async () => {
    const { companies, admin, actor } = await makeAdminWithCompanies(db);
    const a = companies[0]?.id ?? '';
    expect(await messageKey(db.transaction((tx) => deleteUser(tx, actor(a), { companyId: a, userId: admin.id })))).toBe('users.errors.cannotDeleteSelf');
    const outsider = await makeUser(db, { memberships: [{ companyId: (await makeCompany(db)).id, role: 'read' }] });
    expect(await messageKey(db.transaction((tx) => deleteUser(tx, actor(a), { companyId: a, userId: outsider.id })))).toBe('users.errors.userNotFound');
    const writer = await makeUser(db, { memberships: [{ companyId: a, role: 'write' }] });
    const victim = await makeUser(db, { memberships: [{ companyId: a, role: 'read' }] });
    expect(await messageKey(db.transaction((tx) => deleteUser(tx, { userId: writer.id, companyId: a, role: 'write' }, { companyId: a, userId: victim.id })))).toBe(
      'common.errors.notAllowed',
    );
    for (const id of [admin.id, outsider.id, victim.id]) {
      const [row] = await db.select({ deletedAt: users.deletedAt }).from(users).where(eq(users.id, id));
      expect(row?.deletedAt).toBeNull();
    }
    expect(await db.select().from(events).where(and(eq(events.type, 'user.deleted'), eq(events.companyId, a)))).toEqual([]);
  });
});
