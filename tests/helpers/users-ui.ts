import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export type Locale = 'nb' | 'en';

/** The labels the help articles name, in both languages. */
export const LABELS = {
  nb: {
    settings: 'Innstillinger',
    users: 'Brukere',
    chooseCompany: 'Velg selskap',
    show: 'Vis',
    invite: '+ Inviter brukere',
    emails: 'E-postadresser',
    send: 'Send invitasjon',
    edit: 'Rediger',
    confirm: 'Bekreft',
    options: (name: string) => `Valg for ${name}`,
    roles: { read: 'Lese', write: 'Skrive', admin: 'Administrator' },
    deleteUser: 'Slett bruker',
  },
  en: {
    settings: 'Settings',
    users: 'Users',
    chooseCompany: 'Choose company',
    show: 'Show',
    invite: '+ Invite users',
    emails: 'Email addresses',
    send: 'Send invitation',
    edit: 'Edit',
    confirm: 'Confirm',
    options: (name: string) => `Options for ${name}`,
    roles: { read: 'Read', write: 'Write', admin: 'Administrator' },
    deleteUser: 'Delete user',
  },
} as const;

/** Steps 1–3 of the articles: the arrow by your name, Innstillinger, Selskap → Brukere. */
export async function openUsersPage(page: Page, locale: Locale) {
  const l = LABELS[locale];
  await page.locator('header summary').click();
  await page.getByRole('link', { name: l.settings }).click();
  await page.waitForURL(`**/${locale}/settings/profile`);
  await page.getByRole('navigation', { name: l.settings }).getByRole('link', { name: l.users }).click();
  await page.waitForURL(`**/${locale}/settings/users`);
}

/** Step 4: the company in the dropdown (submits by itself with JavaScript; the "Vis" button without). */
export async function chooseCompany(page: Page, locale: Locale, companyName: string, options: { javaScript?: boolean } = {}) {
  const l = LABELS[locale];
  const select = page.getByLabel(l.chooseCompany);
  const value = await select.locator('option', { hasText: companyName }).getAttribute('value');
  await select.selectOption({ label: companyName });
  if (options.javaScript === false) await page.getByRole('button', { name: l.show }).click();
  await page.waitForURL((url) => url.searchParams.get('company') === value);
  await page.getByRole('heading', { level: 3, name: companyName }).waitFor();
}

/** Step 5: find the user, the three dots (⋮) to the right, Rediger. */
export async function openEdit(page: Page, locale: Locale, userName: string) {
  const l = LABELS[locale];
  await page.getByLabel(l.options(userName)).click();
  await page.getByRole('link', { name: l.edit, exact: true }).click();
  await page.getByRole('dialog').waitFor();
}

export function roleRadio(page: Page, locale: Locale, role: 'read' | 'write' | 'admin') {
  return page.getByRole('radio', { name: new RegExp(`^${LABELS[locale].roles[role]}`) });
}

/** The row of the users table that shows this email address. */
export function userRow(page: Page, email: string) {
  return page.getByRole('row').filter({ hasText: email });
}

export async function companyOptions(page: Page, locale: Locale) {
  return page.getByLabel(LABELS[locale].chooseCompany).locator('option').allTextContents();
}

/** Opens the development mailbox and returns the link of the newest email to `recipient` that contains `path`. */
export async function linkInMailbox(page: Page, recipient: string, path = '/invitation/') {
  await page.goto('/nb/dev/mailbox');
  const mail = page.getByRole('article').filter({ hasText: recipient }).first();
  await mail.waitFor();
  const href = await mail.getByRole('link').filter({ hasText: path }).first().getAttribute('href');
  expect(href).toBeTruthy();
  return { mail, href: href ?? '' };
}
