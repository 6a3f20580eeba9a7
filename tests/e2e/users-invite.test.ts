import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { invitations, memberships, users } from '@/db/schema';
import { currentTotp } from '@/lib/auth/totp';
import { openBrowser, signIn } from '@/tests/helpers/browser';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import {
  chooseCompany,
  companyOptions,
  LABELS,
  linkInMailbox,
  openUsersPage,
  roleRadio,
  userRow,
  type Locale,
} from '@/tests/helpers/users-ui';

const handle = openDatabase(process.env.DATABASE_URL, { max: 2 });
const db = handle.db;
afterAll(() => handle.close());

const TEXT = {
  nb: {
    sent: 'Invitasjonen er sendt.',
    pending: 'Invitert, venter på svar',
    subject: 'Invitasjon til Kredittportalen for',
    acceptTitle: 'Opprett brukeren din',
    name: 'Fullt navn',
    password: 'Passord',
    shortPassword: 'Passordet må ha minst 12 tegn.',
    weakPassword: 'Passordet er for lett å gjette. Bruk flere ord eller tegn.',
    emailPassword: 'Passordet kan ikke inneholde e-postadressen din.',
    secret: 'Nøkkel',
    code: 'Engangskode fra appen',
    submit: 'Opprett bruker',
    done: 'Brukeren din er klar',
    signInLink: 'Gå til innlogging',
    used: 'Invitasjonen er allerede brukt',
  },
  en: {
    sent: 'The invitation has been sent.',
    pending: 'Invited, awaiting reply',
    subject: 'Invitation to Creditor portal for',
    acceptTitle: 'Create your user',
    name: 'Full name',
    password: 'Password',
    shortPassword: 'The password must have at least 12 characters.',
    weakPassword: 'The password is too easy to guess. Use more words or characters.',
    emailPassword: 'The password cannot contain your email address.',
    secret: 'Key',
    code: 'One-time code from the app',
    submit: 'Create user',
    done: 'Your user is ready',
    signInLink: 'Go to sign-in',
    used: 'The invitation has already been used',
  },
} as const;

/** An Administrator of two fresh companies who is only Skrive in a third (which the invite form must not offer). */
async function arrange(locale: Locale) {
  const [first, second, writeOnly] = [await makeCompany(db), await makeCompany(db), await makeCompany(db)];
  const admin = await makeUser(db, {
    locale,
    name: `Anne ${first.organisationNumber}`,
    memberships: [
      { companyId: first.id, role: 'admin' },
      { companyId: second.id, role: 'admin' },
      { companyId: writeOnly.id, role: 'write' },
    ],
  });
  return { first, second, writeOnly, admin };
}

async function acceptInvitation(page: Page, locale: Locale, href: string, name: string, password: string, invitee: string) {
  const t = TEXT[locale];
  await page.goto(href);
  await page.getByRole('heading', { name: t.acceptTitle }).waitFor();
  await page.getByLabel(t.name).fill(name);
  await page.getByLabel(t.password, { exact: true }).fill('for-kort');
  const secret = await page.getByLabel(t.secret).inputValue();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expect(page.getByRole('link', { name: /^otpauth:\/\/totp\// }).getAttribute('href')).resolves.toContain(`secret=${secret}`);
  await page.getByLabel(t.code).fill(await currentTotp(secret));
  await page.getByRole('button', { name: t.submit }).click();
  await page.getByText(t.shortPassword).waitFor();
  // The same secret after a failed attempt: the authenticator app's entry stays valid.
  expect(await page.getByLabel(t.secret).inputValue()).toBe(secret);
  // The policy of Sikkerhet → Endre passord: not a common password, not the invited address.
  for (const [weak, message] of [
    ['passordpassord', t.weakPassword],
    [`${invitee.split('@')[0]}-Fjellvann-2026`, t.emailPassword],
  ] as const) {
    await page.getByLabel(t.password, { exact: true }).fill(weak);
    await page.getByLabel(t.code).fill(await currentTotp(secret));
    await page.getByRole('button', { name: t.submit }).click();
    await page.getByText(message).waitFor();
  }
  await page.getByLabel(t.password, { exact: true }).fill(password);
  await page.getByLabel(t.code).fill(await currentTotp(secret));
  await page.getByRole('button', { name: t.submit }).click();
  await page.waitForURL(`**/${locale}/invitation/accepted`);
  await page.getByRole('heading', { name: t.done }).waitFor();
  return secret;
}

describe.each(['nb', 'en'] as const)('Invitere nye brukere til ditt selskap (%s)', (locale) => {
  const l = LABELS[locale];
  const t = TEXT[locale];

  it('walks the article: the invitee gets the email, sets name, password and TOTP, signs in and sees exactly the invited companies and role', async () => {
    const { first, second, writeOnly, admin } = await arrange(locale);
    const invitee = `ny-${crypto.randomUUID().slice(0, 8)}@test.no`;
    const adminBrowser = await openBrowser();
    const inviteeBrowser = await openBrowser();
    try {
      const page = adminBrowser.page;
      await signIn(page, db, admin, locale);
      await openUsersPage(page, locale);
      await chooseCompany(page, locale, second.name);
      await page.getByRole('link', { name: l.invite }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByLabel(l.emails).fill(invitee);
      await roleRadio(page, locale, 'write').check();
      // Only the companies where the inviter is Administrator; the chosen one is ticked.
      const boxes = dialog.getByRole('checkbox');
      await expect(boxes.evaluateAll((els) => els.map((el) => el.parentElement?.textContent?.trim()))).resolves.toEqual(
        [first.name, second.name].sort(),
      );
      expect(await dialog.getByRole('checkbox', { name: second.name }).isChecked()).toBe(true);
      expect(await dialog.getByRole('checkbox', { name: writeOnly.name }).count()).toBe(0);
      await dialog.getByRole('checkbox', { name: first.name }).check();
      await expect(dialog.getByRole('combobox').inputValue()).resolves.toBe(locale);
      await dialog.getByRole('button', { name: l.send }).click();
      await page.getByRole('status').filter({ hasText: t.sent }).waitFor();
      await expect(userRow(page, invitee).textContent()).resolves.toContain(t.pending);

      const invited = inviteeBrowser.page;
      // The demo's mailbox stands in for the invitee's inbox; it opens only to a signed-in user (the inviter here).
      const { mail, href } = await linkInMailbox(page, invitee);
      await expect(mail.getByRole('heading').textContent()).resolves.toContain(t.subject);
      expect(href).toContain(`/${locale}/invitation/`);
      const password = 'Et-helt-nytt-passord-2026';
      const secret = await acceptInvitation(invited, locale, href, 'Nina Nyansatt', password, invitee);

      await invited.getByRole('link', { name: t.signInLink }).click();
      await signIn(invited, db, { email: invitee, password, totpSecret: secret }, locale);
      await invited.goto(`/${locale}/settings/users`);
      expect((await companyOptions(invited, locale)).sort()).toEqual([first.name, second.name].sort());
      for (const company of [first, second]) {
        await chooseCompany(invited, locale, company.name);
        await expect(userRow(invited, invitee).getByRole('cell').nth(1).textContent()).resolves.toBe(l.roles.write);
        expect(await invited.getByRole('link', { name: l.invite }).count()).toBe(0);
      }
      const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, invitee));
      const rows = await db
        .select({ companyId: memberships.companyId, role: memberships.role })
        .from(memberships)
        .where(eq(memberships.userId, user?.id ?? ''));
      expect(rows.map((r) => `${r.companyId}:${r.role}`).sort()).toEqual([`${first.id}:write`, `${second.id}:write`].sort());

      // The link is single-use.
      await invited.goto(href);
      await invited.getByRole('heading', { name: t.used }).waitFor();
    } finally {
      await adminBrowser.context.close();
      await inviteeBrowser.context.close();
    }
  }, 150_000);
});

describe('invitation links that no longer work', () => {
  it('shows a clear page for an expired, a revoked, a replaced (resent) and a made-up link', async () => {
    const { first, admin } = await arrange('nb');
    const email = `vent-${crypto.randomUUID().slice(0, 8)}@test.no`;
    const { page, context } = await openBrowser();
    try {
      await signIn(page, db, admin, 'nb');
      await page.goto(`/nb/settings/users?company=${first.id}&invite=1`);
      await page.getByLabel('E-postadresser').fill(email);
      await page.getByRole('button', { name: 'Send invitasjon' }).click();
      await page.getByRole('status').filter({ hasText: 'Invitasjonen er sendt.' }).waitFor();
      const original = (await linkInMailbox(page, email)).href;

      await db
        .update(invitations)
        .set({ expiresAt: new Date(Date.now() - 60_000) })
        .where(eq(invitations.email, email));
      await page.goto(original);
      await page.getByRole('heading', { name: 'Invitasjonen har utløpt' }).waitFor();
      await page.getByText('Be den som inviterte deg om å sende invitasjonen på nytt.').waitFor();

      // Resend from the ⋮ menu: a new link, and the old one stops working.
      await page.goto(`/nb/settings/users?company=${first.id}`);
      await expect(userRow(page, email).textContent()).resolves.toContain('Invitasjonen utløp');
      await page.getByLabel(`Valg for invitasjonen til ${email}`).click();
      await page.getByRole('button', { name: 'Send invitasjonen på nytt' }).click();
      await page.getByRole('status').filter({ hasText: 'Invitasjonen er sendt på nytt med en ny lenke.' }).waitFor();
      const renewed = (await linkInMailbox(page, email)).href;
      expect(renewed).not.toBe(original);
      await page.goto(original);
      await page.getByRole('heading', { name: 'Lenken virker ikke' }).waitFor();
      // The new link works (for its address: the signed-in inviter is told it is not theirs).
      await page.goto(renewed);
      await page.getByRole('heading', { name: 'Godta invitasjonen' }).waitFor();
      await page.getByText(`Invitasjonen gjelder ${email}, men du er logget inn som ${admin.email}.`).waitFor();

      await page.goto(`/nb/settings/users?company=${first.id}`);
      await page.getByLabel(`Valg for invitasjonen til ${email}`).click();
      await page.getByRole('button', { name: 'Trekk tilbake invitasjonen' }).click();
      await page.getByRole('status').filter({ hasText: 'Invitasjonen er trukket tilbake.' }).waitFor();
      expect(await userRow(page, email).count()).toBe(0);
      await page.goto(renewed);
      await page.getByRole('heading', { name: 'Invitasjonen er trukket tilbake' }).waitFor();

      const response = await page.goto(`/en/invitation/${'x'.repeat(43)}`);
      expect(response?.status()).toBe(200);
      await page.getByRole('heading', { name: 'This link does not work' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('invites an existing account like a new address; it joins only when its owner signs in and accepts', async () => {
    const { first, second, admin } = await arrange('nb');
    const existing = await makeUser(db, { locale: 'en', memberships: [{ companyId: first.id, role: 'read' }] });
    const fresh = `fersk-${crypto.randomUUID().slice(0, 8)}@test.no`;
    const adminBrowser = await openBrowser();
    const ownerBrowser = await openBrowser();
    try {
      const page = adminBrowser.page;
      await signIn(page, db, admin, 'nb');
      // The same answer for an address with an account and one without.
      for (const address of [existing.email.toUpperCase(), fresh]) {
        await page.goto(`/nb/settings/users?company=${second.id}&invite=1`);
        await page.getByLabel('E-postadresser').fill(address);
        await roleRadio(page, 'nb', 'admin').check();
        await page.getByRole('button', { name: 'Send invitasjon' }).click();
        await page.getByRole('status').filter({ hasText: 'Invitasjonen er sendt.' }).waitFor();
        await expect(userRow(page, address.toLowerCase()).textContent()).resolves.toContain('Invitert, venter på svar');
      }
      // Several addresses at once: the notice speaks of them all.
      const pair = [`par-a-${crypto.randomUUID().slice(0, 8)}@test.no`, `par-b-${crypto.randomUUID().slice(0, 8)}@test.no`];
      await page.goto(`/nb/settings/users?company=${second.id}&invite=1`);
      await page.getByLabel('E-postadresser').fill(pair.join(', '));
      await page.getByRole('button', { name: 'Send invitasjon' }).click();
      await page.getByRole('status').filter({ hasText: 'Invitasjonene er sendt.' }).waitFor();
      for (const address of pair) await expect(userRow(page, address).textContent()).resolves.toContain('Invitert, venter på svar');
      expect(
        await db
          .select()
          .from(memberships)
          .where(and(eq(memberships.userId, existing.id), eq(memberships.companyId, second.id))),
      ).toEqual([]);
      const { mail, href } = await linkInMailbox(page, existing.email);
      await expect(mail.getByRole('heading').textContent()).resolves.toBe(`Invitasjon til Kredittportalen for ${second.name}`);
      // Signed in as another account, the link says whose it is and offers nothing.
      await page.goto(href);
      await page.getByText(`Invitasjonen gjelder ${existing.email}, men du er logget inn som ${admin.email}.`).waitFor();
      expect(await page.getByRole('button', { name: 'Godta invitasjonen' }).count()).toBe(0);

      // Its owner signs in, opens the link and accepts: only now is the account a member.
      const owner = ownerBrowser.page;
      await owner.goto(href);
      await owner.getByRole('heading', { name: 'Opprett brukeren din' }).waitFor();
      await owner.getByText('Har du allerede en bruker med denne e-postadressen? Logg inn').waitFor();
      await signIn(owner, db, existing, 'en');
      await owner.goto(href);
      await owner
        .getByText(`Du er logget inn som ${existing.email}. Godtar du, får du tilgang til ${second.name} med rollen Administrator.`)
        .waitFor();
      await owner.getByRole('button', { name: 'Godta invitasjonen' }).click();
      await owner.waitForURL('**/en/cases');
      const rows = await db
        .select()
        .from(memberships)
        .where(and(eq(memberships.userId, existing.id), eq(memberships.companyId, second.id)));
      expect(rows.map((r) => r.role)).toEqual(['admin']);
      await owner.goto(href);
      await owner.getByRole('heading', { name: 'Invitasjonen er allerede brukt' }).waitFor();
    } finally {
      await adminBrowser.context.close();
      await ownerBrowser.context.close();
    }
  });
});
