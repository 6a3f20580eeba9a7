import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { events, invitationCompanies, invitations, memberships, outbox, users } from '@/db/schema';
import { sha256 } from '@/lib/auth/crypto';
import { DomainError, NotAllowedError } from '@/lib/errors';
import { INVITATION_EMAILS_PER_HOUR } from '@/lib/invitations/budget';
import { inviteUsers, resendInvitation } from '@/lib/invitations/mutations';
import { listPendingInvitations } from '@/lib/invitations/queries';
import { inviteUsersSchema, type InviteUsersInput } from '@/lib/invitations/schemas';
import { makeAdminWithCompanies, outboxRow, tokenFromEmail } from '@/tests/helpers/company-admin';
import { makeCompany, makeUser } from '@/tests/helpers/factories';

function input(companyId: string, overrides: Partial<InviteUsersInput> = {}): InviteUsersInput {
  return {
    companyId,
    emails: [`ny-${crypto.randomUUID().slice(0, 8)}@test.no`],
    role: 'write',
    locale: 'nb',
    companyIds: [companyId],
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).messageKey;
}

async function outboxFor(recipients: string[]) {
  return db.select().from(outbox).where(inArray(outbox.recipient, recipients));
}

describe('inviting new addresses', () => {
  it('creates one invitation and one email per address, with only the token hash stored, and audits per company', async () => {
    const { companies, actor, admin } = await makeAdminWithCompanies(db, 2, { name: 'Anne Admin' });
    const [a, b] = companies.map((c) => c.id) as [string, string];
    const emails = [`kari-${a.slice(0, 6)}@test.no`, `ola-${a.slice(0, 6)}@test.no`];
    const result = await db.transaction((tx) =>
      inviteUsers(tx, actor(a), input(a, { emails, companyIds: [a, b], locale: 'en', role: 'read' })),
    );
    expect(result).toMatchObject({ invited: 2 });
    expect(result.outboxIds).toHaveLength(2);

    const rows = await db.select().from(invitations).where(inArray(invitations.email, emails));
    expect(rows.map((r) => r.email).sort()).toEqual([...emails].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ role: 'read', locale: 'en', acceptedAt: null, revokedAt: null, invitedByUserId: actor(a).userId });
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      const days = (row.expiresAt.getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.99);
      expect(days).toBeLessThanOrEqual(7);
      const linked = await db
        .select({ companyId: invitationCompanies.companyId })
        .from(invitationCompanies)
        .where(eq(invitationCompanies.invitationId, row.id));
      expect(linked.map((l) => l.companyId).sort()).toEqual([a, b].sort());
      const sent = await db
        .select()
        .from(events)
        .where(and(eq(events.subjectId, row.id), eq(events.type, 'invitation.sent')));
      expect(sent.map((e) => e.companyId).sort()).toEqual([a, b].sort());
      expect(sent[0]).toMatchObject({
        actorUserId: actor(a).userId,
        subjectType: 'invitation',
        data: { email: row.email, role: 'read', locale: 'en' },
      });
    }

    for (const id of result.outboxIds) {
      const mail = await outboxRow(db, id);
      expect(mail).toMatchObject({ status: 'pending', channel: 'email', locale: 'en', template: 'invitation', attempts: 0 });
      // No free text of the inviter's in an email from the agency's domain: the companies, and the inviter's address.
      expect(mail.subject).toBe(`Invitation to Creditor portal for ${companies[0]?.name} and ${companies[1]?.name}`);
      expect(mail.bodyText).toContain(`${admin.email} has invited you to Creditor portal`);
      expect(`${mail.subject}${mail.bodyText}`).not.toContain('Anne Admin');
      expect(mail.bodyHtml).toContain('<a href=');
      const token = tokenFromEmail(mail.bodyText);
      expect(mail.bodyText).toContain(`/en/invitation/${token}`);
      const invitation = rows.find((r) => r.email === mail.recipient);
      expect(invitation?.tokenHash).toBe(sha256(token));
      // The token lives only in the email body: never in the row's data or the audit.
      expect(JSON.stringify(mail.data)).not.toContain(token);
      const audit = await db
        .select()
        .from(events)
        .where(eq(events.subjectId, invitation?.id ?? ''));
      expect(JSON.stringify(audit)).not.toContain(token);
    }
  });

  it('writes the email in the language chosen for the invitee', async () => {
    const { companies, actor } = await makeAdminWithCompanies(db, 1, { locale: 'en', name: 'Eve Admin' });
    const id = companies[0]?.id ?? '';
    const { outboxIds } = await db.transaction((tx) => inviteUsers(tx, actor(id), input(id, { locale: 'nb' })));
    const mail = await outboxRow(db, outboxIds[0] ?? '');
    expect(mail.locale).toBe('nb');
    expect(mail.subject).toMatch(/^Invitasjon til Kredittportalen for /);
    expect(mail.bodyText).toContain('Du får rollen Skrive.');
    expect(mail.bodyText).toMatch(/\/nb\/invitation\//);
  });

  it('invites an existing account like any address: the same answer and email, and no membership until its owner accepts', async () => {
    const { companies, actor } = await makeAdminWithCompanies(db, 2);
    const [a, b] = companies.map((c) => c.id) as [string, string];
    const other = await makeCompany(db);
    const existing = await makeUser(db, {
      locale: 'en',
      memberships: [
        { companyId: a, role: 'read' },
        { companyId: other.id, role: 'admin' },
      ],
    });
    const staff = await makeUser(db);
    await db.update(users).set({ isAgencyStaff: true }).where(eq(users.id, staff.id));
    const nobody = `ingen-${a.slice(0, 6)}@test.no`;
    const emails = [existing.email.toUpperCase(), staff.email, nobody];
    const result = await db.transaction((tx) =>
      inviteUsers(tx, actor(a), input(a, { emails, companyIds: [a, b], role: 'admin', locale: 'en' })),
    );
    expect(result).toEqual({ invited: 3, outboxIds: expect.any(Array) });
    const rows = await db
      .select({ companyId: memberships.companyId, role: memberships.role })
      .from(memberships)
      .where(inArray(memberships.userId, [existing.id, staff.id]));
    expect(rows.sort((x, y) => x.companyId.localeCompare(y.companyId))).toEqual(
      [
        { companyId: a, role: 'read' },
        { companyId: other.id, role: 'admin' },
      ].sort((x, y) => x.companyId.localeCompare(y.companyId)),
    );
    expect(
      await db
        .select()
        .from(events)
        .where(and(inArray(events.subjectId, [existing.id, staff.id]), eq(events.type, 'member.added'))),
    ).toEqual([]);
    // Every address gets the same email but for its address and link: nothing tells an account from no account.
    const mails = await Promise.all(result.outboxIds.map((id) => outboxRow(db, id)));
    expect(mails.map((m) => m.template)).toEqual(['invitation', 'invitation', 'invitation']);
    const shape = (m: (typeof mails)[number], email: string) =>
      m.bodyText.replace(email.toLowerCase(), 'X').replace(/\/invitation\/[A-Za-z0-9_-]{43}/, '/invitation/T');
    expect(new Set(mails.map((m) => shape(m, m.recipient))).size).toBe(1);
    expect(new Set(mails.map((m) => m.subject)).size).toBe(1);
    expect((await listPendingInvitations(a)).map((i) => i.email).sort()).toEqual(emails.map((e) => e.toLowerCase()).sort());
  });

  it('limits invitation emails per Administrator and hour, also under a parallel burst', async () => {
    const { companies, actor } = await makeAdminWithCompanies(db);
    const id = companies[0]?.id ?? '';
    const batch = (n: number) => input(id, { emails: Array.from({ length: 10 }, (_, i) => `burst-${n}-${i}-${id.slice(0, 6)}@test.no`) });
    const results = await Promise.allSettled(
      Array.from({ length: 9 }, (_, n) => db.transaction((tx) => inviteUsers(tx, actor(id), batch(n)))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(INVITATION_EMAILS_PER_HOUR / 10);
    for (const r of results)
      if (r.status === 'rejected') expect((r.reason as DomainError).messageKey).toBe('users.errors.tooManyInvitations');
    expect(await listPendingInvitations(id)).toHaveLength(INVITATION_EMAILS_PER_HOUR);
    // A resend is an email too.
    const [pending] = await listPendingInvitations(id);
    expect(await refusal(db.transaction((tx) => resendInvitation(tx, actor(id), { companyId: id, invitationId: pending?.id ?? '' })))).toBe(
      'users.errors.tooManyInvitations',
    );
    // Another Administrator of the same company has a budget of their own.
    const colleague = await makeUser(db, { memberships: [{ companyId: id, role: 'admin' }] });
    await expect(
      db.transaction((tx) => inviteUsers(tx, { userId: colleague.id, companyId: id, role: 'admin' }, input(id))),
    ).resolves.toMatchObject({ invited: 1 });
  });
});

describe('refusals that change nothing', () => {
  async function expectNothingChanged(emails: string[]) {
    expect(await db.select().from(invitations).where(inArray(invitations.email, emails))).toEqual([]);
    expect(await outboxFor(emails)).toEqual([]);
  }

  it('refuses an address that is already a member of every chosen company (the whole batch)', async () => {
    const { companies, actor } = await makeAdminWithCompanies(db);
    const id = companies[0]?.id ?? '';
    const member = await makeUser(db, { memberships: [{ companyId: id, role: 'write' }] });
    const fresh = `fersk-${id.slice(0, 6)}@test.no`;
    expect(await refusal(db.transaction((tx) => inviteUsers(tx, actor(id), input(id, { emails: [fresh, member.email] }))))).toBe(
      'users.errors.alreadyMember',
    );
    await expectNothingChanged([fresh, member.email]);
  });

  it('refuses an address with a pending invitation to one of the chosen companies, not to another company', async () => {
    const { companies, actor } = await makeAdminWithCompanies(db);
    const id = companies[0]?.id ?? '';
    const first = input(id);
    await db.transaction((tx) => inviteUsers(tx, actor(id), first));
    expect(await refusal(db.transaction((tx) => inviteUsers(tx, actor(id), first)))).toBe('users.errors.alreadyInvited');
    expect(await db.select().from(invitations).where(inArray(invitations.email, first.emails))).toHaveLength(1);
    // Another company's Administrator learns nothing of it: their invitation goes out.
    const stranger = await makeAdminWithCompanies(db);
    const theirs = stranger.companies[0]?.id ?? '';
    await db.transaction((tx) => inviteUsers(tx, stranger.actor(theirs), { ...first, companyId: theirs, companyIds: [theirs] }));
    expect(await db.select().from(invitations).where(inArray(invitations.email, first.emails))).toHaveLength(2);
  });

  it('refuses a company the inviter does not administer, or does not belong to', async () => {
    const { companies, admin, actor } = await makeAdminWithCompanies(db);
    const id = companies[0]?.id ?? '';
    const writeOnly = await makeCompany(db);
    await db.insert(memberships).values({ companyId: writeOnly.id, userId: admin.id, role: 'write' });
    const stranger = await makeCompany(db);
    for (const companyId of [writeOnly.id, stranger.id]) {
      const attempt = input(id, { companyIds: [id, companyId] });
      expect(await refusal(db.transaction((tx) => inviteUsers(tx, actor(id), attempt)))).toBe('users.errors.companyNotAllowed');
      await expectNothingChanged(attempt.emails);
    }
  });

  it('refuses Skrive and Lese users who call the mutation directly', async () => {
    const company = await makeCompany(db);
    for (const role of ['write', 'read'] as const) {
      const user = await makeUser(db, { memberships: [{ companyId: company.id, role }] });
      const attempt = input(company.id);
      const error = await db
        .transaction((tx) => inviteUsers(tx, { userId: user.id, companyId: company.id, role }, attempt))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotAllowedError);
      await expectNothingChanged(attempt.emails);
    }
  });

  it('refuses bad input before anything runs: empty, invalid, more than 50, unknown role, missing companies', () => {
    const base = { companyId: crypto.randomUUID(), role: 'write', locale: 'nb', companyIds: [crypto.randomUUID()] };
    const errorOf = (value: Record<string, unknown>, field: string) => {
      const parsed = inviteUsersSchema.safeParse({ ...base, ...value });
      expect(parsed.success).toBe(false);
      return parsed.error?.issues.find((issue) => issue.path[0] === field)?.message;
    };
    expect(errorOf({ emails: ' \n, ' }, 'emails')).toBe('users.errors.noAddresses');
    expect(errorOf({ emails: 'kari@test.no, ikke-en-adresse' }, 'emails')).toBe('users.errors.invalidAddresses');
    const many = Array.from({ length: 51 }, (_, i) => `u${i}@test.no`).join('\n');
    expect(errorOf({ emails: many }, 'emails')).toBe('users.errors.tooManyAddresses');
    expect(errorOf({ emails: 'kari@test.no', role: 'owner' }, 'role')).toBe('users.errors.invalidRole');
    expect(errorOf({ emails: 'kari@test.no', companyIds: [] }, 'companyIds')).toBe('users.errors.noCompanies');
    expect(errorOf({ emails: 'kari@test.no', companyIds: ['not-a-uuid'] }, 'companyIds')).toBe('users.errors.companyNotAllowed');

    const fifty = Array.from({ length: 50 }, (_, i) => `U${i}@Test.no`).join(', ');
    const ok = inviteUsersSchema.safeParse({ ...base, emails: `${fifty}; u0@test.no` });
    expect(ok.success && ok.data.emails.length).toBe(50);
    expect(ok.success && ok.data.emails[0]).toBe('u0@test.no');
  });
});

describe('tenant isolation', () => {
  it('lists pending invitations only in the companies they were sent to', async () => {
    const first = await makeAdminWithCompanies(db);
    const second = await makeAdminWithCompanies(db);
    const a = first.companies[0]?.id ?? '';
    const b = second.companies[0]?.id ?? '';
    const sentA = input(a);
    await db.transaction((tx) => inviteUsers(tx, first.actor(a), sentA));
    expect((await listPendingInvitations(a)).map((i) => i.email)).toEqual(sentA.emails);
    expect(await listPendingInvitations(b)).toEqual([]);
  });
});
