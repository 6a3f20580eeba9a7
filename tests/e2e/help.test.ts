import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_COMPANIES } from '@/lib/demo/accounts';
import { openBrowser, signIn } from '@/tests/helpers/browser';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { makeUser } from '@/tests/helpers/factories';

const { db, page } = browserSuite();
const FIRST_COMPANY = DEMO_COMPANIES[0].id;
const NOT_FOUND_TITLE = 'Siden finnes ikke';

async function signInAs(target: Page, locale: 'nb' | 'en') {
  const user = await makeUser(db, { locale, memberships: [{ companyId: FIRST_COMPANY, role: 'read' }] });
  await signIn(target, db, user, locale);
}

function heading(target: Page) {
  return target.getByRole('heading', { level: 1 }).textContent();
}

/** The contact block at the bottom of every help page: the agency's email and phone from configuration. */
async function expectContactBlock(target: Page, title: string) {
  const block = target.getByRole('region', { name: title });
  await expect(block.getByRole('link', { name: 'hjelp@amili.no' }).getAttribute('href')).resolves.toBe('mailto:hjelp@amili.no');
  await expect(block.getByRole('link', { name: '73 20 61 62' }).getAttribute('href')).resolves.toBe('tel:+4773206162');
}

describe('the help centre in Norwegian', () => {
  it('opens Hjelp from the shell, finds the credit note article by search and follows a step to Saker', async () => {
    await signInAs(page, 'nb');
    await page.getByRole('banner').getByRole('link', { name: 'Hjelp', exact: true }).click();
    await page.waitForURL('**/nb/help');
    await expect(heading(page)).resolves.toBe('Hjelp');
    await expect(page.getByRole('main').getByRole('link').allTextContents()).resolves.toHaveLength(17 + 1 + 2);
    await expectContactBlock(page, 'Trenger du hjelp?');

    await page.getByLabel('Søk i hjelpesidene').fill('KREDITNOTA');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.waitForURL('**/nb/help?q=KREDITNOTA');
    await expect(page.getByRole('status').textContent()).resolves.toContain('1 treff');
    await page.getByRole('link', { name: 'Registrere kreditnota' }).click();

    await page.waitForURL('**/nb/help/register-credit-note');
    await expect(heading(page)).resolves.toBe('Registrere kreditnota');
    const steps = page.getByRole('main').locator('ol > li');
    await expect(steps.allTextContents()).resolves.toEqual([
      'Gå til Saker',
      'Søk opp saken du ønsker å registrere kreditnota mot, og trykk på den',
      'Velg Endre sak → Registrer betaling → Kreditering',
      'Sjekk at det er riktig faktura, betalingsdato, valuta og beløp',
      'Velg Registrer kreditering',
    ]);
    await expectContactBlock(page, 'Trenger du hjelp?');
    await steps.getByRole('link', { name: 'Saker' }).click();
    await page.waitForURL('**/nb/cases');
    await expect(heading(page)).resolves.toBe('Saker');
  });

  it('says Ingen treff when no page has all the words', async () => {
    await signInAs(page, 'nb');
    await page.goto('/nb/help?q=kreditnota+passord');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Ingen treff');
    await expect(page.getByLabel('Søk i hjelpesidene').inputValue()).resolves.toBe('kreditnota passord');
  });

  it('links from an article to the roles page, which explains Lese, Skrive and Administrator per company', async () => {
    await signInAs(page, 'nb');
    await page.goto('/nb/help/stop-or-pause-invoice');
    await page.getByText('Velg Behandle → Pause sak, Gjenoppta sak eller Trekk sak').waitFor();
    await page.getByRole('link', { name: 'Les mer om de ulike rollene her' }).click();
    await page.waitForURL('**/nb/help/roles');
    await expect(heading(page)).resolves.toBe('Roller');
    await expect(page.getByRole('table').getByRole('rowheader').allTextContents()).resolves.toEqual(['Lese', 'Skrive', 'Administrator']);
    await page.getByText('En rolle gjelder per selskap.').waitFor();
    await expectContactBlock(page, 'Trenger du hjelp?');
  });

  it('follows a settings step to the right page and keeps the language', async () => {
    await signInAs(page, 'nb');
    await page.goto('/nb/help/turn-off-email-notifications');
    await page.getByRole('main').locator('ol').getByRole('link', { name: 'Din bruker → Varslinger' }).click();
    await page.waitForURL('**/nb/settings/notifications');
    await expect(heading(page)).resolves.toBe('Innstillinger');
  });

  it('shows the translated not-found page for an unknown article', async () => {
    await signInAs(page, 'nb');
    await page.goto('/nb/help/no-such-article');
    await page.getByRole('heading', { name: NOT_FOUND_TITLE }).waitFor();
  });
});

describe('the help centre in English', () => {
  it('opens Help, finds the credit note article, and follows a step to Security', async () => {
    await signInAs(page, 'en');
    await page.getByRole('banner').getByRole('link', { name: 'Help', exact: true }).click();
    await page.waitForURL('**/en/help');
    await page.getByLabel('Search the help pages').fill('credit note');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL('**/en/help?q=credit+note');
    await expect(page.getByRole('main').getByRole('listitem').allTextContents()).resolves.toEqual(['Register a credit note']);
    await page.getByRole('link', { name: 'Register a credit note' }).click();
    await page.waitForURL('**/en/help/register-credit-note');
    await expect(heading(page)).resolves.toBe('Register a credit note');
    await page.getByText('Choose Edit case → Register payment → Credit').waitFor();
    await expectContactBlock(page, 'Need help?');

    await page.getByRole('link', { name: 'Back to Help' }).click();
    await page.getByLabel('Search the help pages').fill('password');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: 'Change your password' }).click();
    await page.waitForURL('**/en/help/change-password');
    await page.getByRole('main').locator('ol').getByRole('link', { name: 'Security' }).click();
    await page.waitForURL('**/en/settings/security');
    await expect(heading(page)).resolves.toBe('Settings');
  });

  it('says No results, and shows Read, Write and Administrator on the roles page', async () => {
    await signInAs(page, 'en');
    await page.goto('/en/help?q=kreditnota');
    await expect(page.getByRole('status').textContent()).resolves.toContain('No results');
    await page.goto('/en/help/register-payment');
    await page.getByRole('link', { name: 'Read more about the roles here' }).click();
    await page.waitForURL('**/en/help/roles');
    await expect(heading(page)).resolves.toBe('Roles');
    await expect(page.getByRole('table').getByRole('rowheader').allTextContents()).resolves.toEqual(['Read', 'Write', 'Administrator']);
    await page.getByText('A role is held per company.').waitFor();
    await expectContactBlock(page, 'Need help?');
  });
});

describe('without JavaScript', () => {
  it('searches the help pages with a plain GET form', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      await signInAs(plain.page, 'nb');
      await plain.page.goto('/nb/help');
      await plain.page.getByLabel('Søk i hjelpesidene').fill('remitteringsbilag');
      await plain.page.getByRole('button', { name: 'Søk', exact: true }).click();
      await plain.page.waitForURL('**/nb/help?q=remitteringsbilag');
      await plain.page.getByRole('link', { name: 'Finne remitteringsbilag' }).click();
      await plain.page.waitForURL('**/nb/help/find-remittance-slips');
      await plain.page.getByRole('main').locator('ol').getByRole('link', { name: 'Rapporter' }).click();
      await plain.page.waitForURL('**/nb/reports');
    } finally {
      await plain.context.close();
    }
  });
});
