import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { DEMO_COMPANIES, DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS } from '@/lib/demo/accounts';
import { nextCode, openBrowser, openUserMenu, signIn, submitPassword } from '@/tests/helpers/browser';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { signInStaff } from '@/tests/helpers/desk-ui';
import { makeUser } from '@/tests/helpers/factories';

const { db, context, page } = browserSuite();
const FIRST_COMPANY = DEMO_COMPANIES[0].id;

describe('signing in with a second factor', () => {
  const CREDITOR_USERS = DEMO_USERS.filter((user) => !user.isAgencyStaff);
  it.each(CREDITOR_USERS.map((user) => [user.email]))('signs in the demo user %s in Norwegian and lands on Saker', async (email) => {
    await signIn(page, db, { email, password: DEMO_PASSWORD, totpSecret: DEMO_TOTP_SECRET }, 'nb');
    expect(new URL(page.url()).pathname).toBe('/nb/cases');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Saker');
    const name = DEMO_USERS.find((user) => user.email === email)?.name ?? '';
    await expect(page.getByLabel(`Brukermeny for ${name}`).textContent()).resolves.toContain(name);
  });

  it('signs in the demo case handler on the desk; a creditor gets 404 there', async () => {
    await signInStaff(page, db, { email: 'saksbehandler@demo.no', password: DEMO_PASSWORD, totpSecret: DEMO_TOTP_SECRET }, 'nb');
    expect(new URL(page.url()).pathname).toBe('/nb/desk');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Saksbehandling');
    await page.context().clearCookies();
    await signIn(page, db, { email: 'admin@demo.no', password: DEMO_PASSWORD, totpSecret: DEMO_TOTP_SECRET }, 'en');
    const response = await page.goto(new URL('/en/desk', page.url()).toString());
    expect(response?.status()).toBe(404);
  });

  it('signs in in English and shows the English shell', async () => {
    const user = await makeUser(db, { locale: 'en', memberships: [{ companyId: FIRST_COMPANY, role: 'read' }] });
    await signIn(page, db, user, 'en');
    expect(new URL(page.url()).pathname).toBe('/en/cases');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Cases');
    const nav = page.getByRole('navigation', { name: 'Main menu' });
    // Each link's label is its first text; Insights may carry the open-task count after it.
    await expect(nav.getByRole('link').evaluateAll((links) => links.map((link) => link.firstChild?.textContent))).resolves.toEqual([
      'Cases',
      'Insights',
      'Reports',
    ]);
  });

  it('refuses a wrong password and an unknown email with the same message', async () => {
    const user = await makeUser(db);
    await submitPassword(page, 'nb', user.email, 'feil-passord');
    await page.getByRole('status').filter({ hasText: 'Feil e-post eller passord.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/nb/login');
    await expect(page.getByLabel('E-post').inputValue()).resolves.toBe(user.email);
    await expect(page.getByLabel('Passord').inputValue()).resolves.toBe('');
    await submitPassword(page, 'nb', 'finnes.ikke@test.no', 'feil-passord');
    await page.getByRole('status').filter({ hasText: 'Feil e-post eller passord.' }).waitFor();
  });

  it('refuses a wrong one-time code and stays on the second step', async () => {
    const user = await makeUser(db);
    await submitPassword(page, 'en', user.email, user.password);
    await page.waitForURL('**/en/login/verify');
    const right = await nextCode(db, user.email, user.totpSecret);
    const wrong = right === '000000' ? '111111' : '000000';
    await page.getByLabel('One-time code').fill(wrong);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('The code is wrong or has expired').waitFor();
    expect(new URL(page.url()).pathname).toBe('/en/login/verify');
    await page.goto('/en/cases');
    expect(new URL(page.url()).pathname).toBe('/en/login/verify');
  });

  it('locks the account after five failed passwords, even for the right password', async () => {
    const user = await makeUser(db);
    for (let attempt = 0; attempt < 5; attempt++) {
      await submitPassword(page, 'nb', user.email, `feil-${attempt}`);
      await page.getByText('Feil e-post eller passord.').waitFor();
    }
    await submitPassword(page, 'nb', user.email, user.password);
    await page.getByText('For mange mislykkede forsøk').waitFor();
    expect(new URL(page.url()).pathname).toBe('/nb/login');
  });

  it('remembers a signed-in browser: locked out from this address, the owner still signs in from that browser', async () => {
    const user = await makeUser(db);
    await signIn(page, db, user, 'nb');
    const device = (await page.context().cookies()).find((cookie) => cookie.name === 'amili_device');
    expect(device?.httpOnly).toBe(true);
    // Someone else at this address guesses five times (a browser without the cookie) and locks the pair.
    await page.context().clearCookies();
    for (let attempt = 0; attempt < 5; attempt++) {
      await submitPassword(page, 'nb', user.email, `feil-${attempt}`);
      await page.getByText('Feil e-post eller passord.').waitFor();
    }
    await submitPassword(page, 'nb', user.email, user.password);
    await page.getByText('For mange mislykkede forsøk').waitFor();
    // The owner's own browser, with its device cookie, is counted on its own.
    if (!device) throw new Error('no device cookie');
    await page.context().addCookies([device]);
    await signIn(page, db, user, 'nb');
    expect(new URL(page.url()).pathname).toBe('/nb/cases');
  });

  it('shows a translated error next to an empty field', async () => {
    await page.goto('/nb/login');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('Fyll ut feltet.').first().waitFor();
    await expect(page.getByLabel('E-post').getAttribute('aria-invalid')).resolves.toBe('true');
  });
});

describe('the session', () => {
  it('switches language from the user menu, stores it, and keeps it after signing out', async () => {
    const user = await makeUser(db, { memberships: [{ companyId: FIRST_COMPANY, role: 'write' }] });
    await signIn(page, db, user, 'nb');
    await page.goto('/nb/insights');
    await openUserMenu(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForURL('**/en/insights');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Insights');
    const [stored] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, user.id));
    expect(stored?.locale).toBe('en');

    await openUserMenu(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/en/login?signedOut=1');
    await page.getByText('You have signed out.').waitFor();
    await signIn(page, db, user, 'nb');
    expect(new URL(page.url()).pathname).toBe('/en/cases');
  });

  it('closes the user menu after choosing the language that is already active', async () => {
    const user = await makeUser(db, { memberships: [{ companyId: FIRST_COMPANY, role: 'read' }] });
    await signIn(page, db, user, 'nb');
    await openUserMenu(page);
    await page.getByRole('button', { name: 'Norsk' }).click();
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).toBe('/nb/cases');
    await expect(
      page.locator('details:has(> summary[aria-label^="Brukermeny for"])').evaluate((details) => (details as HTMLDetailsElement).open),
    ).resolves.toBe(false);
  });

  it('signs out, and the old page is no longer reachable', async () => {
    const user = await makeUser(db, { memberships: [{ companyId: FIRST_COMPANY, role: 'read' }] });
    await signIn(page, db, user, 'nb');
    await openUserMenu(page);
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByText('Du er logget ut.').waitFor();
    await page.goto('/nb/reports');
    expect(new URL(page.url()).pathname).toBe('/nb/login');
  });

  it('rejects a session that was invalidated on the server, although the cookie is still there', async () => {
    const user = await makeUser(db, { memberships: [{ companyId: FIRST_COMPANY, role: 'read' }] });
    await signIn(page, db, user, 'nb');
    const cookiesBefore = await context.cookies();
    await db
      .update(users)
      .set({ sessionVersion: user.sessionVersion + 1 })
      .where(eq(users.id, user.id));
    await page.goto('/nb/cases');
    expect(new URL(page.url()).pathname).toBe('/nb/login');
    expect(cookiesBefore.some((cookie) => cookie.name.includes('session-token'))).toBe(true);
  });

  it('opens in Norwegian at the bare address, even in an English browser', async () => {
    const english = await openBrowser({ locale: 'en-US' });
    try {
      await english.page.goto('/');
      expect(new URL(english.page.url()).pathname).toBe('/nb/login');
    } finally {
      await english.context.close();
    }
  });

  it('answers an unknown page with the translated 404', async () => {
    const response = await page.goto('/en/no-such-page');
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  });
});

describe('without JavaScript', () => {
  it('signs in with plain form posts', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      const user = await makeUser(db, { memberships: [{ companyId: FIRST_COMPANY, role: 'read' }] });
      await signIn(plain.page, db, user, 'nb');
      await expect(plain.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Saker');
      await openUserMenu(plain.page);
      await plain.page.getByRole('button', { name: 'English' }).click();
      await plain.page.waitForURL('**/en/cases');
      await expect(plain.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Cases');
    } finally {
      await plain.context.close();
    }
  });
});
