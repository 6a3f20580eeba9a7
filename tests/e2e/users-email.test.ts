import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { users } from '@/db/schema';
import { openBrowser, signIn } from '@/tests/helpers/browser';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import { LABELS, linkInMailbox, openEdit, openUsersPage, userRow } from '@/tests/helpers/users-ui';

const handle = openDatabase(process.env.DATABASE_URL, { max: 2 });
const db = handle.db;
afterAll(() => handle.close());

const TEXT = {
  nb: {
    profile: 'Profil',
    name: 'Navn',
    phone: 'Telefon',
    email: 'E-post',
    save: 'Lagre',
    saved: 'Profilen er lagret.',
    explanation:
      'E-postadressen kan ikke endres på en eksisterende bruker. For å gi tilgang med en ny e-postadresse inviterer du den nye adressen og sletter brukeren med den gamle.',
    inviteNew: 'Inviter den nye e-postadressen',
    askAdmin: 'Be en administrator i selskapet ditt om å invitere den nye adressen.',
    sent: 'Invitasjonen er sendt.',
    deleted: 'Brukeren er slettet fra selskapene dine.',
  },
  en: {
    profile: 'Profile',
    name: 'Name',
    phone: 'Phone',
    email: 'Email',
    save: 'Save',
    saved: 'Your profile is saved.',
    explanation:
      'An email address cannot be changed on an existing user. To give access with a new email address, invite the new address and delete the user with the old one.',
    inviteNew: 'Invite the new email address',
    askAdmin: 'Ask an administrator in your company to invite the new address.',
    sent: 'The invitation has been sent.',
    deleted: 'The user has been deleted from your companies.',
  },
} as const;

describe.each(['nb', 'en'] as const)('Endre e-post på bruker (%s)', (locale) => {
  const l = LABELS[locale];
  const t = TEXT[locale];

  it('shows the email read-only with the explanation on the profile, where name and phone can be changed', async () => {
    const company = await makeCompany(db);
    const user = await makeUser(db, { locale, memberships: [{ companyId: company.id, role: 'write' }] });
    const { page, context } = await openBrowser();
    try {
      await signIn(page, db, user, locale);
      await page.locator('header summary').click();
      await page.getByRole('link', { name: l.settings }).click();
      await page.getByRole('heading', { name: t.profile }).waitFor();
      const email = page.getByLabel(t.email, { exact: true });
      await expect(email.inputValue()).resolves.toBe(user.email);
      expect(await email.isEditable()).toBe(false);
      await page.getByText(t.explanation).waitFor();
      await page.getByText(t.askAdmin).waitFor();

      await page.getByLabel(t.name, { exact: true }).fill('Kari Nordmann');
      await page.getByLabel(t.phone).fill('+47 912 34 567');
      await page.getByRole('button', { name: t.save }).click();
      await page.getByRole('status').filter({ hasText: t.saved }).waitFor();
      const [row] = await db.select({ name: users.name, phone: users.phone, email: users.email }).from(users).where(eq(users.id, user.id));
      expect(row).toEqual({ name: 'Kari Nordmann', phone: '+4791234567', email: user.email });
      await expect(page.locator('header summary').textContent()).resolves.toContain('Kari Nordmann');
    } finally {
      await context.close();
    }
  });

  it('walks the article from Rediger: invite the new address, then delete the user with the old one', async () => {
    const company = await makeCompany(db);
    const admin = await makeUser(db, { locale, memberships: [{ companyId: company.id, role: 'admin' }] });
    const old = await makeUser(db, {
      locale,
      name: `Ola Gammel ${company.organisationNumber}`,
      memberships: [{ companyId: company.id, role: 'write' }],
    });
    const newAddress = `ola.ny-${crypto.randomUUID().slice(0, 6)}@test.no`;
    const { page, context } = await openBrowser();
    try {
      await signIn(page, db, admin, locale);
      await openUsersPage(page, locale);
      await openEdit(page, locale, old.name);
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByLabel(t.email).inputValue()).resolves.toBe(old.email);
      expect(await dialog.getByLabel(t.email).isEditable()).toBe(false);
      await dialog.getByText(t.explanation).waitFor();
      await dialog.getByRole('link', { name: t.inviteNew }).click();

      await page.getByRole('dialog').getByLabel(l.emails).fill(newAddress);
      await page.getByRole('dialog').getByRole('button', { name: l.send }).click();
      await page.getByRole('status').filter({ hasText: t.sent }).waitFor();
      await linkInMailbox(page, newAddress);

      await page.goto(`/${locale}/settings/users?company=${company.id}`);
      await openEdit(page, locale, old.name);
      await page.getByRole('link', { name: l.deleteUser }).click();
      await page.getByRole('dialog').getByRole('button', { name: l.deleteUser }).click();
      await page.getByRole('status').filter({ hasText: t.deleted }).waitFor();
      expect(await userRow(page, old.email).count()).toBe(0);
      expect(await userRow(page, newAddress).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
