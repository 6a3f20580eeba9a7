import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { events, memberships, users } from '@/db/schema';
import type { Role } from '@/lib/roles';
import { DomainError, NotAllowedError } from '@/lib/errors';
import { updateMemberAccess } from '@/lib/users/mutations';
import { getMemberForEdit, listCompanyMembers } from '@/lib/users/queries';
import { makeAdminWithCompanies } from '@/tests/helpers/company-admin';
import { makeCompany, makeUser } from '@/tests/helpers/factories';

async function rolesOf(userId: string) {
  const rows = await db
    .select({ companyId: memberships.companyId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return Object.fromEntries(rows.map((r) => [r.companyId, r.role]));
}

async function messageKey(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).messageKey;
}

function edit(companyId: string, userId: string, role: Role, companyIds: string[], scope: string[]) {
  return { companyId, userId, role, companyIds, scope };
}

describe('Rediger → Bekreft', () => {
  it('changes the role in the ticked companies and records from and to', async () => {
    const { companies, actor } = await makeAdminWithCompanies(db, 2);
    const [a, b] = companies.map((c) => c.id) as [string, string];
    const user = await makeUser(db, {
      memberships: [
        { companyId: a, role: 'write' },
        { companyId: b, role: 'write' },
      ],
    });
    await db.transaction((tx) => updateMemberAccess(tx, actor(a), edit(a, user.id, 'read', [a, b], [a, b])));
    expect(await rolesOf(user.id)).toEqual({ [a]: 'read', [b]: 'read' });
    const changed = await db
      .select()
      .from(events)
      .where(and(eq(events.subjectId, user.id), eq(events.type, 'member.role_changed')));
    expect(changed.map((e) => e.companyId).sort()).toEqual([a, b].sort());
    expect(changed[0]).toMatchObject({ actorUserId: actor().userId, subjectType: 'user', data: { from: 'write', to: 'read' } });
  });

  it('removes the user from unticked companies, adds ticked ones, and leaves companies outside the scope alone', async () => {
    const { companies, actor } = await makeAdminWithCompanies(db, 3);
    const [a, b, c] = companies.map((co) => co.id) as [string, string, string];
    const elsewhere = await makeCompany(db);
    const user = await makeUser(db, {
      memberships: [
        { companyId: a, role: 'write' },
        { companyId: b, role: 'write' },
        { companyId: elsewhere.id, role: 'admin' },
      ],
    });
    await db.transaction((tx) => updateMemberAccess(tx, actor(a), edit(a, user.id, 'write', [a, c], [a, b, c])));
    expect(await rolesOf(user.id)).toEqual({ [a]: 'write', [c]: 'write', [elsewhere.id]: 'admin' });
    const types = (await db.select().from(events).where(eq(events.subjectId, user.id))).map((e) => `${e.type}@${e.companyId}`).sort();
    expect(types).toEqual([`member.added@${c}`, `member.removed@${b}`].sort());
  });

  it('unticking every company removes the user from the administrator’s companies, not the account', async () => {
    const { companies, actor } = await makeAdminWithCompanies(db, 2);
    const [a, b] = companies.map((c) => c.id) as [string, string];
    const user = await makeUser(db, {
      memberships: [
        { companyId: a, role: 'read' },
        { companyId: b, role: 'admin' },
      ],
    });
    await db.transaction((tx) => updateMemberAccess(tx, actor(a), edit(a, user.id, 'read', [], [a, b])));
    expect(await rolesOf(user.id)).toEqual({});
    const [row] = await db.select({ deletedAt: users.deletedAt }).from(users).where(eq(users.id, user.id));
    expect(row?.deletedAt).toBeNull();
    expect((await listCompanyMembers(a)).map((m) => m.id)).not.toContain(user.id);
  });

  it('keeps the last Administrator: no self-demotion or self-removal, and nothing changes', async () => {
    const { companies, actor, admin } = await makeAdminWithCompanies(db, 2);
    const [a, b] = companies.map((c) => c.id) as [string, string];
    expect(await messageKey(db.transaction((tx) => updateMemberAccess(tx, actor(a), edit(a, admin.id, 'write', [a, b], [a, b]))))).toBe(
      'users.errors.lastAdmin',
    );
    expect(await messageKey(db.transaction((tx) => updateMemberAccess(tx, actor(a), edit(a, admin.id, 'admin', [b], [a, b]))))).toBe(
      'users.errors.lastAdmin',
    );
    expect(await rolesOf(admin.id)).toEqual({ [a]: 'admin', [b]: 'admin' });
    expect(await db.select().from(events).where(eq(events.subjectId, admin.id))).toEqual([]);

    // With a second Administrator in A, stepping down there is fine (and B still refuses).
    await makeUser(db, { memberships: [{ companyId: a, role: 'admin' }] });
    await db.transaction((tx) => updateMemberAccess(tx, actor(a), edit(a, admin.id, 'admin', [b], [b])));
    expect(await messageKey(db.transaction((tx) => updateMemberAccess(tx, actor(b), edit(b, admin.id, 'read', [b], [b]))))).toBe(
      'users.errors.lastAdmin',
    );
  });

  it('serialises two Administrators demoting each other: exactly one succeeds', async () => {
    const company = await makeCompany(db);
    const first = await makeUser(db, { memberships: [{ companyId: company.id, role: 'admin' }] });
    const second = await makeUser(db, { memberships: [{ companyId: company.id, role: 'admin' }] });
    const demote = (by: string, whom: string) =>
      db.transaction((tx) =>
        updateMemberAccess(
          tx,
          { userId: by, companyId: company.id, role: 'admin' },
          edit(company.id, whom, 'write', [company.id], [company.id]),
        ),
      );
    const results = await Promise.allSettled([demote(first.id, second.id), demote(second.id, first.id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const admins = (await listCompanyMembers(company.id)).filter((m) => m.role === 'admin');
    expect(admins).toHaveLength(1);
  });

  it('refuses a forged user id (a user outside the company) and changes nothing', async () => {
    const { companies, actor } = await makeAdminWithCompanies(db);
    const a = companies[0]?.id ?? '';
    const other = await makeAdminWithCompanies(db);
    const stranger = await makeUser(db, { memberships: [{ companyId: other.companies[0]?.id ?? '', role: 'write' }] });
    expect(await messageKey(db.transaction((tx) => updateMemberAccess(tx, actor(a), edit(a, stranger.id, 'read', [a], [a]))))).toBe(
      'users.errors.userNotFound',
    );
    expect(await messageKey(db.transaction((tx) => updateMemberAccess(tx, actor(a), edit(a, crypto.randomUUID(), 'read', [a], [a]))))).toBe(
      'users.errors.userNotFound',
    );
    expect(await rolesOf(stranger.id)).toEqual({ [other.companies[0]?.id ?? '']: 'write' });
  });

  it('refuses a company the administrator does not administer, in the ticks or the scope', async () => {
    const { companies, actor } = await makeAdminWithCompanies(db);
    const a = companies[0]?.id ?? '';
    const foreign = await makeCompany(db);
    const user = await makeUser(db, {
      memberships: [
        { companyId: a, role: 'read' },
        { companyId: foreign.id, role: 'read' },
      ],
    });
    expect(await messageKey(db.transaction((tx) => updateMemberAccess(tx, actor(a), edit(a, user.id, 'read', [a, foreign.id], [a]))))).toBe(
      'users.errors.companyNotAllowed',
    );
    expect(await messageKey(db.transaction((tx) => updateMemberAccess(tx, actor(a), edit(a, user.id, 'read', [a], [a, foreign.id]))))).toBe(
      'users.errors.companyNotAllowed',
    );
    expect(await rolesOf(user.id)).toEqual({ [a]: 'read', [foreign.id]: 'read' });
  });

  it('refuses Skrive and Lese members who call the mutation directly', async () => {
    const company = await makeCompany(db);
    const target = await makeUser(db, { memberships: [{ companyId: company.id, role: 'read' }] });
    for (const role of ['write', 'read'] as const) {
      const member = await makeUser(db, { memberships: [{ companyId: company.id, role }] });
      const error = await db
        .transaction((tx) =>
          updateMemberAccess(
            tx,
            { userId: member.id, companyId: company.id, role },
            edit(company.id, target.id, 'admin', [company.id], [company.id]),
          ),
        )
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotAllowedError);
    }
    expect(await rolesOf(target.id)).toEqual({ [company.id]: 'read' });
  });
});

describe('tenant isolation of the user list', () => {
  it('lists only the company’s own users, and edits only them', async () => {
    const first = await makeAdminWithCompanies(db);
    const second = await makeAdminWithCompanies(db);
    const a = first.companies[0]?.id ?? '';
    const b = second.companies[0]?.id ?? '';
    const inB = await makeUser(db, { memberships: [{ companyId: b, role: 'read' }] });
    expect((await listCompanyMembers(a)).map((m) => m.id)).toEqual([first.admin.id]);
    expect((await listCompanyMembers(b)).map((m) => m.id).sort()).toEqual([second.admin.id, inB.id].sort());
    expect(await getMemberForEdit(a, inB.id, [a])).toBeNull();
    expect(await getMemberForEdit(b, inB.id, [b])).toMatchObject({ id: inB.id, memberships: [{ companyId: b, role: 'read' }] });
  });
});
