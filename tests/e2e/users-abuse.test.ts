import { eq, inArray } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { invitations, memberships, users } from '@/db/schema';
import { currentTotp } from '@/lib/auth/totp';
import { openBrowser, signIn } from '@/tests/helpers/browser';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import { chooseCompany, LABELS, linkInMailbox, openEdit, openUsersPage, roleRadio, userRow } from '@/tests/helpers/users-ui';

const handle = openDatabase(process.env.DATABASE_URL, { max: 2 });
const db = handle.db;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let admin: Awaited<ReturnType<typeof makeUser>>;
let company: Awaited<ReturnType<typeof makeCompany>>;
let writeOnly: Awaited<ReturnType<typeof makeCompany>>;

beforeAll(async () => {
  company = await makeCompany(db);
  writeOnly = await makeCompany(db);
  admin = await makeUser(db, {
    memberships: [
      { companyId: company.id, role: 'admin' },
      { companyId: writeOnly.id, role: 'write' },
    ],
  });
  browser = await openBrowser();
  page = browser.page;
  await signIn(page, db, admin, 'nb');
});
afterAll(async () => {
  await browser.context.close();
  await handle.close();
});

async function openInvite() {
  await page.goto(`/nb/settings/users?company=${company.id}&invite=1`);
  return page.getByRole('dialog');
}

async function expectNoInvitations(emails: string[]) {
  expect(await db.select().from(invitations).where(inArray(invitations.email, emails))).toEqual([]);
}

describe('bad input in the invite form is refused with a translated message and changes nothing', () => {
  it('refuses an empty list, an invalid address and more than 50 addresses', async () => {
    const dialog = await openInvite();
    await dialog.getByRole('button', { name: 'Send invitasjon' }).click();
    await dialog.getByText('Skriv minst én e-postadresse.').waitFor();

    await dialog.getByLabel('E-postadresser').fill('god@test.no, kari@');
    await dialog.getByLabel('Språk i invitasjonen').selectOption('en');
    await dialog.getByRole('button', { name: 'Send invitasjon' }).click();
    await dialog.getByText('En eller flere e-postadresser er ugyldige. Sjekk skrivemåten.').waitFor();
    // The typed text and the chosen language are kept for correcting.
    await expect(dialog.getByLabel('E-postadresser').inputValue()).resolves.toBe('god@test.no, kari@');
    await expect(dialog.getByLabel('Språk i invitasjonen').inputValue()).resolves.toBe('en');

    const many = Array.from({ length: 51 }, (_, i) => `mange${i}-${company.id.slice(0, 6)}@test.no`);
    await dialog.getByLabel('E-postadresser').fill(many.join('\n'));
    await dialog.getByRole('button', { name: 'Send invitasjon' }).click();
    await dialog.getByText('Du kan invitere høyst 50 adresser om gangen.').waitFor();
    await expectNoInvitations(['god@test.no', ...many]);
  });

  it('refuses a crafted role outside the three', async () => {
    const dialog = await openInvite();
    await dialog.getByLabel('E-postadresser').fill('rolle@test.no');
    await roleRadio(page, 'nb', 'admin').evaluate((radio: HTMLInputElement) => {
      radio.value = 'owner';
      radio.checked = true;
    });
    await dialog.getByRole('button', { name: 'Send invitasjon' }).click();
    await dialog.getByText('Velg en av rollene Lese, Skrive eller Administrator.').waitFor();
    await expectNoInvitations(['rolle@test.no']);
  });

  it('refuses a crafted company the inviter does not administer', async () => {
    const dialog = await openInvite();
    await dialog.getByLabel('E-postadresser').fill('selskap@test.no');
    await dialog.getByRole('checkbox', { name: company.name }).evaluate((box: HTMLInputElement, id: string) => {
      box.value = id;
    }, writeOnly.id);
    await dialog.getByRole('button', { name: 'Send invitasjon' }).click();
    await dialog.getByText('Du kan bare gi tilgang til selskaper der du er administrator.').waitFor();
    await expectNoInvitations(['selskap@test.no']);
  });

  it('refuses a forged user id in Rediger (a user of another company)', async () => {
    const colleague = await makeUser(db, {
      name: `Kollega ${company.organisationNumber}`,
      memberships: [{ companyId: company.id, role: 'read' }],
    });
    const stranger = await makeUser(db, { memberships: [{ companyId: writeOnly.id, role: 'read' }] });
    await page.goto(`/nb/settings/users?company=${company.id}`);
    await openEdit(page, 'nb', colleague.name);
    await page.locator('dialog input[name="userId"]').evaluate((input: HTMLInputElement, id: string) => {
      input.value = id;
    }, stranger.id);
    await roleRadio(page, 'nb', 'admin').check();
    await page.getByRole('dialog').getByRole('button', { name: 'Bekreft' }).click();
    await page.getByRole('dialog').getByText('Fant ikke brukeren i selskapet.').waitFor();
    expect(await db.select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, stranger.id))).toEqual([
      { role: 'read' },
    ]);

    // The edit view itself does not open for a user outside the company.
    await page.goto(`/nb/settings/users?company=${company.id}&edit=${stranger.id}`);
    await page.getByRole('dialog').getByText('Fant ikke brukeren i selskapet.').waitFor();
    expect(await page.getByText(stranger.email).count()).toBe(0);
  });
});

describe('Skrive and Lese users', () => {
  it.each([['write'], ['read']] as const)(
    'a %s user sees the list but no invite or edit controls, even with crafted URLs',
    async (role) => {
      const member = await makeUser(db, { locale: 'en', memberships: [{ companyId: company.id, role }] });
      const other = await openBrowser();
      try {
        await signIn(other.page, db, member, 'en');
        await openUsersPage(other.page, 'en');
        await chooseCompany(other.page, 'en', company.name);
        await userRow(other.page, admin.email).waitFor();
        await other.page.getByText("Only the company's administrators can invite, change and remove users.").waitFor();
        expect(await other.page.getByRole('link', { name: LABELS.en.invite }).count()).toBe(0);
        expect(await other.page.locator('summary[aria-label^="Options for"]').count()).toBe(0);
        await other.page.goto(`/en/settings/users?company=${company.id}&invite=1&edit=${admin.id}`);
        await userRow(other.page, admin.email).waitFor();
        expect(await other.page.getByRole('dialog').count()).toBe(0);
      } finally {
        await other.context.close();
      }
    },
  );
});

describe('without JavaScript', () => {
  it('chooses the company with the Vis button and changes a role through the server-rendered dialog', async () => {
    const second = await makeCompany(db);
    const plainAdmin = await makeUser(db, {
      memberships: [
        { companyId: company.id, role: 'admin' },
        { companyId: second.id, role: 'admin' },
      ],
    });
    const colleague = await makeUser(db, {
      name: `Uten Js ${second.organisationNumber}`,
      memberships: [{ companyId: second.id, role: 'read' }],
    });
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      await signIn(plain.page, db, plainAdmin, 'nb');
      await openUsersPage(plain.page, 'nb');
      await chooseCompany(plain.page, 'nb', second.name, { javaScript: false });
      await openEdit(plain.page, 'nb', colleague.name);
      await roleRadio(plain.page, 'nb', 'write').check();
      await plain.page.getByRole('dialog').getByRole('checkbox', { name: company.name }).check();
      await plain.page.getByRole('dialog').getByRole('button', { name: 'Bekreft' }).click();
      await plain.page.getByRole('status').filter({ hasText: 'Endringene er lagret.' }).waitFor();
      const rows = await db
        .select({ companyId: memberships.companyId, role: memberships.role })
        .from(memberships)
        .where(eq(memberships.userId, colleague.id));
      expect(rows.map((r) => `${r.companyId}:${r.role}`).sort()).toEqual([`${company.id}:write`, `${second.id}:write`].sort());
    } finally {
      await plain.context.close();
    }
  });

  it('invites through the server-rendered form, and the invitee accepts with plain form posts', async () => {
    const invitee = `utenjs-${crypto.randomUUID().slice(0, 8)}@test.no`;
    const inviter = await makeUser(db, { memberships: [{ companyId: company.id, role: 'admin' }] });
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      await signIn(plain.page, db, inviter, 'nb');
      await plain.page.goto(`/nb/settings/users?company=${company.id}`);
      await plain.page.getByRole('link', { name: LABELS.nb.invite }).click();
      await plain.page.getByLabel('E-postadresser').fill(invitee);
      await plain.page.getByRole('button', { name: 'Send invitasjon' }).click();
      await plain.page.getByRole('status').filter({ hasText: 'Invitasjonen er sendt.' }).waitFor();
      // The demo's mailbox opens to a signed-in user; the invitee then comes without any session.
      const { href } = await linkInMailbox(plain.page, invitee);
      await plain.context.clearCookies();

      await plain.page.goto(href);
      await plain.page.getByLabel('Fullt navn').fill('Uten Skript');
      await plain.page.getByLabel('Passord', { exact: true }).fill('Et-passord-uten-js-2026');
      const secret = await plain.page.getByLabel('Nøkkel').inputValue();
      await plain.page.getByLabel('Engangskode fra appen').fill(await currentTotp(secret));
      await plain.page.getByRole('button', { name: 'Opprett bruker' }).click();
      await plain.page.getByRole('heading', { name: 'Brukeren din er klar' }).waitFor();
      const [row] = await db
        .select({ role: memberships.role })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(users.email, invitee));
      expect(row?.role).toBe('read');
    } finally {
      await plain.context.close();
    }
  });
});
