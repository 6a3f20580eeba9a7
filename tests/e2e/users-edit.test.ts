import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { events, invitationCompanies, invitations, memberships, users } from '@/db/schema';
import { openBrowser, signIn } from '@/tests/helpers/browser';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import { chooseCompany, companyOptions, LABELS, openEdit, openUsersPage, roleRadio, userRow, type Locale } from '@/tests/helpers/users-ui';

const handle = openDatabase(process.env.DATABASE_URL, { max: 2 });
const db = handle.db;
afterAll(() => handle.close());

const TEXT = {
  nb: {
    saved: 'Endringene er lagret.',
    notAllowed: 'Du har ikke tilgang til å gjøre dette.',
    noCompanies: 'Du har ikke tilgang til noen selskaper.',
  },
  en: {
    saved: 'The changes are saved.',
    notAllowed: 'You are not allowed to do this.',
    noCompanies: 'You do not have access to any companies.',
  },
} as const;

async function roleIn(userId: string, companyId: string) {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.companyId, companyId)));
  return row?.role ?? null;
}

/** Two fresh companies with their Administrator, and a colleague in both. */
async function arrange(locale: Locale, colleagueRole: 'read' | 'write' | 'admin' = 'write') {
  const [first, second] = [await makeCompany(db), await makeCompany(db)];
  const admin = await makeUser(db, {
    locale,
    memberships: [
      { companyId: first.id, role: 'admin' },
      { companyId: second.id, role: 'admin' },
    ],
  });
  const colleague = await makeUser(db, {
    locale,
    name: `Kari Nordmann ${first.organisationNumber}`,
    memberships: [
      { companyId: first.id, role: colleagueRole },
      { companyId: second.id, role: colleagueRole },
    ],
  });
  return { first, second, admin, colleague };
}

describe.each(['nb', 'en'] as const)('Endre rolle på bruker (%s)', (locale) => {
  const l = LABELS[locale];
  const t = TEXT[locale];

  it('walks the article, and the change bites on the colleague’s already open session', async () => {
    const { first, second, admin, colleague } = await arrange(locale, 'admin');
    const adminBrowser = await openBrowser();
    const colleagueBrowser = await openBrowser();
    try {
      // The colleague (an Administrator for now) has the invite form open in their own browser.
      const other = colleagueBrowser.page;
      await signIn(other, db, colleague, locale);
      await other.goto(`/${locale}/settings/users?company=${second.id}&invite=1`);
      await other.getByLabel(l.emails).fill(`stale-${crypto.randomUUID().slice(0, 8)}@test.no`);

      const page = adminBrowser.page;
      await signIn(page, db, admin, locale);
      await openUsersPage(page, locale);
      await chooseCompany(page, locale, second.name);
      await openEdit(page, locale, colleague.name);
      const dialog = page.getByRole('dialog');
      expect(await roleRadio(page, locale, 'admin').isChecked()).toBe(true);
      expect(await dialog.getByRole('checkbox', { name: first.name }).isChecked()).toBe(true);
      expect(await dialog.getByRole('checkbox', { name: second.name }).isChecked()).toBe(true);
      await roleRadio(page, locale, 'read').check();
      await dialog.getByRole('button', { name: l.confirm }).click();
      await page.getByRole('status').filter({ hasText: t.saved }).waitFor();
      await expect(userRow(page, colleague.email).getByRole('cell').nth(1).textContent()).resolves.toBe(l.roles.read);
      expect(await roleIn(colleague.id, first.id)).toBe('read');
      expect(await roleIn(colleague.id, second.id)).toBe('read');
      const changed = await db
        .select()
        .from(events)
        .where(and(eq(events.subjectId, colleague.id), eq(events.type, 'member.role_changed')));
      expect(changed.map((e) => e.data)).toEqual([
        { from: 'admin', to: 'read' },
        { from: 'admin', to: 'read' },
      ]);
      expect(new Set(changed.map((e) => e.actorUserId))).toEqual(new Set([admin.id]));

      // The colleague's open form is refused on the next request, and the controls are gone.
      await other.getByRole('button', { name: l.send }).click();
      await other.getByRole('status').filter({ hasText: t.notAllowed }).waitFor();
      expect(await db.select().from(invitations).where(eq(invitations.invitedByUserId, colleague.id))).toEqual([]);
      await other.goto(`/${locale}/settings/users?company=${second.id}`);
      expect(await other.getByRole('link', { name: l.invite }).count()).toBe(0);
      expect(await other.getByLabel(l.options(admin.name)).count()).toBe(0);
    } finally {
      await adminBrowser.context.close();
      await colleagueBrowser.context.close();
    }
  });
});

describe.each(['nb', 'en'] as const)('Fjerne bruker fra selskap (%s)', (locale) => {
  const l = LABELS[locale];
  const t = TEXT[locale];

  it('walks the article: untick the companies, Bekreft, and the colleague loses access at once', async () => {
    const { first, second, admin, colleague } = await arrange(locale);
    const adminBrowser = await openBrowser();
    const colleagueBrowser = await openBrowser();
    try {
      const other = colleagueBrowser.page;
      await signIn(other, db, colleague, locale);
      await other.goto(`/${locale}/settings/users?company=${first.id}`);
      expect((await companyOptions(other, locale)).sort()).toEqual([first.name, second.name].sort());

      const page = adminBrowser.page;
      await signIn(page, db, admin, locale);
      await openUsersPage(page, locale);
      await chooseCompany(page, locale, first.name);
      await openEdit(page, locale, colleague.name);
      await page.getByRole('dialog').getByRole('checkbox', { name: first.name }).uncheck();
      await page.getByRole('dialog').getByRole('button', { name: l.confirm }).click();
      await page.getByRole('status').filter({ hasText: t.saved }).waitFor();
      expect(await userRow(page, colleague.email).count()).toBe(0);
      expect(await roleIn(colleague.id, first.id)).toBeNull();
      expect(await roleIn(colleague.id, second.id)).toBe('write');

      // The colleague's next request: the first company is gone from the dropdown and cannot be opened.
      await other.reload();
      expect(await companyOptions(other, locale)).toEqual([second.name]);
      await other.goto(`/${locale}/settings/users?company=${first.id}`);
      await other.getByRole('heading', { level: 3, name: second.name }).waitFor();

      // Unticking the last company removes them from all of this administrator's companies.
      await chooseCompany(page, locale, second.name);
      await openEdit(page, locale, colleague.name);
      await page.getByRole('dialog').getByRole('checkbox', { name: second.name }).uncheck();
      await page.getByRole('dialog').getByRole('button', { name: l.confirm }).click();
      await page.getByRole('status').filter({ hasText: t.saved }).waitFor();
      await other.reload();
      await other.getByText(t.noCompanies).waitFor();
      const removed = await db
        .select()
        .from(events)
        .where(and(eq(events.subjectId, colleague.id), eq(events.type, 'member.removed')));
      expect(removed.map((e) => e.companyId).sort()).toEqual([first.id, second.id].sort());
    } finally {
      await adminBrowser.context.close();
      await colleagueBrowser.context.close();
    }
  });
});

describe('guard rails', () => {
  it('keeps the last Administrator: no demoting or removing yourself', async () => {
    const company = await makeCompany(db);
    const admin = await makeUser(db, {
      name: `Eneste Admin ${company.organisationNumber}`,
      memberships: [{ companyId: company.id, role: 'admin' }],
    });
    const { page, context } = await openBrowser();
    try {
      await signIn(page, db, admin, 'nb');
      await openUsersPage(page, 'nb');
      await openEdit(page, 'nb', admin.name);
      await roleRadio(page, 'nb', 'write').check();
      await page.getByRole('dialog').getByRole('button', { name: 'Bekreft' }).click();
      const refusal = 'Et selskap må ha minst én administrator. Gi en annen bruker rollen Administrator først.';
      await page.getByRole('dialog').getByText(refusal).waitFor();
      await page.getByRole('dialog').getByRole('checkbox', { name: company.name }).uncheck();
      await roleRadio(page, 'nb', 'admin').check();
      await page.getByRole('dialog').getByRole('button', { name: 'Bekreft' }).click();
      await page.getByRole('dialog').getByText(refusal).waitFor();
      expect(await roleIn(admin.id, company.id)).toBe('admin');
      // No "Slett bruker" on yourself.
      expect(await page.getByRole('link', { name: 'Slett bruker' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('deletes an account the company’s own invitation created, after a confirmation step; its open session ends', async () => {
    const { first, second, admin, colleague } = await arrange('nb');
    await db.delete(memberships).where(and(eq(memberships.userId, colleague.id), eq(memberships.companyId, first.id)));
    // The colleague's account came from the second company's invitation, and from nowhere else.
    const [invitation] = await db
      .insert(invitations)
      .values({
        email: colleague.email,
        role: 'write',
        tokenHash: crypto.randomUUID(),
        invitedByUserId: admin.id,
        expiresAt: new Date(),
        acceptedAt: new Date(),
        createdUserId: colleague.id,
      })
      .returning({ id: invitations.id });
    await db.insert(invitationCompanies).values({ companyId: second.id, invitationId: invitation?.id ?? '' });
    const adminBrowser = await openBrowser();
    const colleagueBrowser = await openBrowser();
    try {
      await signIn(colleagueBrowser.page, db, colleague, 'nb');
      const page = adminBrowser.page;
      await signIn(page, db, admin, 'nb');
      await page.goto(`/nb/settings/users?company=${second.id}`);
      await openEdit(page, 'nb', colleague.name);
      await page.getByRole('link', { name: 'Slett bruker' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(`Vil du slette ${colleague.name} (${colleague.email}) fra selskapene du er administrator for?`).waitFor();
      await dialog.getByRole('button', { name: 'Slett bruker' }).click();
      await page.getByRole('status').filter({ hasText: 'Brukeren er slettet fra selskapene dine.' }).waitFor();
      expect(await userRow(page, colleague.email).count()).toBe(0);
      const [row] = await db.select({ deletedAt: users.deletedAt }).from(users).where(eq(users.id, colleague.id));
      expect(row?.deletedAt).toBeInstanceOf(Date);
      await colleagueBrowser.page.goto('/nb/cases');
      expect(new URL(colleagueBrowser.page.url()).pathname).toBe('/nb/login');
    } finally {
      await adminBrowser.context.close();
      await colleagueBrowser.context.close();
    }
  });

  it('removes a user who also works for a company the administrator does not administer from the administrator’s companies only', async () => {
    const { first, second, admin, colleague } = await arrange('en');
    const elsewhere = await makeCompany(db);
    await db.insert(memberships).values({ companyId: elsewhere.id, userId: colleague.id, role: 'read' });
    const adminBrowser = await openBrowser();
    const colleagueBrowser = await openBrowser();
    try {
      await signIn(colleagueBrowser.page, db, colleague, 'en');
      const page = adminBrowser.page;
      await signIn(page, db, admin, 'en');
      await page.goto(`/en/settings/users?company=${first.id}`);
      await openEdit(page, 'en', colleague.name);
      await page.getByRole('link', { name: 'Delete user' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete user' }).click();
      await page.getByRole('status').filter({ hasText: 'The user has been deleted from your companies.' }).waitFor();
      expect(await userRow(page, colleague.email).count()).toBe(0);
      // Both of the administrator's companies are gone from the account; the third company and the account stay.
      expect(await db.select({ companyId: memberships.companyId }).from(memberships).where(eq(memberships.userId, colleague.id))).toEqual([
        { companyId: elsewhere.id },
      ]);
      const [row] = await db.select({ deletedAt: users.deletedAt }).from(users).where(eq(users.id, colleague.id));
      expect(row?.deletedAt).toBeNull();
      expect(await roleIn(colleague.id, second.id)).toBeNull();
      // The account lives on: the colleague is still signed in (for the company that is left).
      await colleagueBrowser.page.goto('/en/cases');
      expect(new URL(colleagueBrowser.page.url()).pathname).toBe('/en/cases');
    } finally {
      await adminBrowser.context.close();
      await colleagueBrowser.context.close();
    }
  });
});
