import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { nextCode, openBrowser, signIn, signInByCookie, submitPassword } from '@/tests/helpers/browser';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { makeUser } from '@/tests/helpers/factories';
import { disclosureProblems, insideScreen, PHONE, seriousAxeViolations, sidewaysOverflow } from '@/tests/helpers/layout-checks';
import {
  arrangeScreens,
  DEMO_SCREEN_USERS,
  demoScreens,
  DESK_PAGES,
  PORTAL_PAGES,
  PUBLIC_PAGES,
  type ScreenPage,
  type ScreenPaths,
} from '@/tests/helpers/small-screen-pages';

const { db, context, page } = browserSuite();

type Locale = 'nb' | 'en';
const L = {
  nb: { userMenu: /^Brukermeny for /, settings: 'Innstillinger', nav: ['Saker', 'Innsikt', 'Rapporter', 'Hjelp'] },
  en: { userMenu: /^User menu for /, settings: 'Settings', nav: ['Cases', 'Insights', 'Reports', 'Help'] },
} as const;
const SLOW = 240_000;

/** Set SCREENSHOT_DIR to look at the pages by eye (full-page PNGs at 360 px). */
async function screenshot(target: Page, locale: Locale, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await target.screenshot({ path: path.join(dir, `${locale}-${name.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true });
}

/** Problems on the page now open, as readable lines (empty when all is well). */
async function sidewaysProblems(target: Page, name: string) {
  const overflow = await sidewaysOverflow(target);
  return overflow.scrollWidth > overflow.viewport ? [`${name}: ${overflow.scrollWidth} px wide in ${overflow.viewport} px (${overflow.culprits.join('; ')})`] : [];
}

/** "Trykk på pilen ved navnet ditt": the name's button is on screen, and its menu shows Innstillinger on screen. */
async function userMenuProblems(target: Page, locale: Locale, name: string, userName: string) {
  const summary = target.getByLabel(L[locale].userMenu);
  const problems: string[] = [];
  await target.evaluate(() => window.scrollTo(0, 0)); // a form's autofocus may have scrolled the page down
  if (!insideScreen(await summary.boundingBox())) problems.push(`${name}: the user menu button is off screen`);
  if (!(await summary.innerText()).includes(userName.split(' ')[0] ?? '')) problems.push(`${name}: the user's name is not on the menu button`);
  await summary.click();
  const settings = summary.locator('xpath=..').getByRole('link', { name: L[locale].settings, exact: true });
  await settings.waitFor({ state: 'visible', timeout: 2_000 }).catch(() => problems.push(`${name}: ${L[locale].settings} did not show`));
  if (problems.length === 0 && !insideScreen(await settings.boundingBox())) problems.push(`${name}: ${L[locale].settings} is off screen`);
  if (problems.length === 0 && !insideScreen(await summary.locator('xpath=following-sibling::*[1]').boundingBox())) problems.push(`${name}: the open menu reaches off screen`);
  await screenshot(target, locale, `${name} menu open`);
  return problems;
}

async function visit(target: Page, locale: Locale, screen: ScreenPage, fx: ScreenPaths | null) {
  const response = await target.goto(`/${locale}${screen.path(fx as ScreenPaths)}`);
  if (!response || response.status() >= 500) throw new Error(`${screen.name}: status ${response?.status()}`);
  await target.locator('h1, h2').first().waitFor();
  return response.status();
}

/**
 * Every signed-in page for the user signed in now: the width, axe, the disclosures and the user menu. A page the
 * user's role may not open must be `notFound` (Lese: Integrasjoner); its 404 page has no menu to check.
 */
async function portalPageProblems(locale: Locale, fx: ScreenPaths, userName: string, options: { shotPrefix?: string; notFound?: readonly string[] } = {}) {
  const problems: string[] = [];
  for (const screen of PORTAL_PAGES) {
    const status = await visit(page, locale, screen, fx);
    await screenshot(page, locale, `${options.shotPrefix ?? ''}${screen.name}`);
    problems.push(...(await sidewaysProblems(page, screen.name)));
    problems.push(...(await seriousAxeViolations(page)).map((line) => `${screen.name}: ${line}`));
    const notFound = options.notFound?.includes(screen.name) ?? false;
    if ((status === 404) !== notFound) problems.push(`${screen.name}: status ${status}`);
    if (screen.modal || notFound) continue;
    problems.push(...(await disclosureProblems(page, screen.name)));
    problems.push(...(await userMenuProblems(page, locale, screen.name, userName)));
    problems.push(...(await sidewaysProblems(page, `${screen.name} with the menu open`)));
  }
  return problems;
}

describe.each(['nb', 'en'] as const)('at 360 × 740 (%s)', (locale) => {
  it('every signed-in page fits the width, the user menu shows Settings on screen, and axe finds nothing serious', async () => {
    const fx = await arrangeScreens(db, locale);
    await page.setViewportSize(PHONE);
    await signIn(page, db, fx.admin, locale);
    expect(await portalPageProblems(locale, fx, fx.admin.name)).toEqual([]);
  }, SLOW);

  // The demo's lists are full: open tasks, long debtor names, cases in every stage, slips, several companies.
  it.each(DEMO_SCREEN_USERS)('on the demo data as %s, every signed-in page fits, shows Settings on screen and passes axe', async (email) => {
    const fx = await demoScreens(db);
    const [user] = await db.select({ name: users.name }).from(users).where(eq(users.email, email));
    await page.setViewportSize(PHONE);
    await signInByCookie(context, db, email);
    const notFound = email === 'les@demo.no' ? ['Integrasjoner', 'Integrasjoner, API-referanse'] : [];
    expect(await portalPageProblems(locale, fx, user?.name ?? email, { shotPrefix: `demo ${email} `, notFound })).toEqual([]);
  }, SLOW);

  it('the header collapses: Saker, Innsikt, Rapporter and Hjelp are in the menu beside the name', async () => {
    const fx = await arrangeScreens(db, locale);
    await page.setViewportSize(PHONE);
    await signIn(page, db, fx.admin, locale);
    const banner = page.getByRole('banner');
    for (const label of L[locale].nav) await expect(banner.getByRole('link', { name: label, exact: true }).isVisible()).resolves.toBe(false);
    await page.getByLabel(L[locale].userMenu).click();
    for (const label of L[locale].nav) {
      const link = banner.getByRole('link', { name: label, exact: true });
      expect(insideScreen(await link.boundingBox()), label).toBe(true);
    }
    await banner.getByRole('link', { name: L[locale].nav[2], exact: true }).click();
    await page.waitForURL(`**/${locale}/reports`);
    await expect(page.getByLabel(L[locale].userMenu).locator('xpath=..').getAttribute('open')).resolves.toBeNull();
  });

  it('the sign-in pages fit the width with nothing serious for axe', async () => {
    const fx = await arrangeScreens(db, locale);
    await page.setViewportSize(PHONE);
    const problems: string[] = [];
    for (const screen of PUBLIC_PAGES) {
      await visit(page, locale, screen, fx);
      problems.push(...(await sidewaysProblems(page, screen.name)), ...(await seriousAxeViolations(page)).map((line) => `${screen.name}: ${line}`));
    }
    await submitPassword(page, locale, fx.admin.email, fx.admin.password);
    await page.waitForURL(`**/${locale}/login/verify`);
    problems.push(...(await sidewaysProblems(page, 'the 2FA step')), ...(await seriousAxeViolations(page)).map((line) => `2FA step: ${line}`));
    expect(problems).toEqual([]);
  }, SLOW);

  it('the desk fits the width and its user menu shows Settings on screen', async () => {
    const staff = await makeUser(db, { locale, name: 'Saksbehandler Sofie Kristiansen' });
    await db.update(users).set({ isAgencyStaff: true }).where(eq(users.id, staff.id));
    await page.setViewportSize(PHONE);
    // Staff land on the desk, not on Saker, so the two steps are spelled out here.
    await submitPassword(page, locale, staff.email, staff.password);
    await page.waitForURL(`**/${locale}/login/verify`);
    await page.getByLabel(locale === 'nb' ? 'Engangskode' : 'One-time code').fill(await nextCode(db, staff.email, staff.totpSecret));
    await page.getByRole('button', { name: locale === 'nb' ? 'Bekreft' : 'Verify' }).click();
    await page.waitForURL(`**/${locale}/desk`);
    // The desk sees every company: its pages point into the demo's data (a closed case for the § 15 statement).
    const fx = await demoScreens(db);
    const problems: string[] = [];
    for (const screen of DESK_PAGES) {
      await visit(page, locale, screen, fx);
      problems.push(...(await sidewaysProblems(page, screen.name)), ...(await seriousAxeViolations(page)).map((line) => `${screen.name}: ${line}`));
      problems.push(...(await userMenuProblems(page, locale, screen.name, staff.name)));
    }
    expect(problems).toEqual([]);
  }, SLOW);
});

describe('without JavaScript at 360 × 740', () => {
  it.each(['nb', 'en'] as const)('every signed-in page fits and the menu opens with Settings on screen (%s)', async (locale) => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      const fx = await arrangeScreens(db, locale);
      await plain.page.setViewportSize(PHONE);
      await signIn(plain.page, db, fx.admin, locale);
      const problems: string[] = [];
      for (const screen of PORTAL_PAGES) {
        await visit(plain.page, locale, screen, fx);
        problems.push(...(await sidewaysProblems(plain.page, screen.name)));
        problems.push(...(await disclosureProblems(plain.page, screen.name)));
        problems.push(...(await userMenuProblems(plain.page, locale, screen.name, fx.admin.name)));
      }
      expect(problems).toEqual([]);
    } finally {
      await plain.context.close();
    }
  }, SLOW);

  it('every signed-in page fits on the demo data (admin@demo.no, nb)', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      const fx = await demoScreens(db);
      await plain.page.setViewportSize(PHONE);
      await signInByCookie(plain.context, db, 'admin@demo.no');
      const problems: string[] = [];
      for (const screen of PORTAL_PAGES) {
        await visit(plain.page, 'nb', screen, fx);
        problems.push(...(await sidewaysProblems(plain.page, screen.name)));
        problems.push(...(await disclosureProblems(plain.page, screen.name)));
      }
      expect(problems).toEqual([]);
    } finally {
      await plain.context.close();
    }
  }, SLOW);
});

// A 1280 px wide desktop window at 400 % zoom is 320 CSS px wide (WCAG 1.4.10), at 200 % it is 640 (WCAG 1.4.4).
describe.each([320, 640])('reflow at %i px', (width) => {
  it('no signed-in page scrolls sideways', async () => {
    const fx = await arrangeScreens(db, 'nb');
    await page.setViewportSize({ width, height: 640 });
    await signIn(page, db, fx.admin, 'nb');
    const problems: string[] = [];
    for (const screen of PORTAL_PAGES) {
      await visit(page, 'nb', screen, fx);
      problems.push(...(await sidewaysProblems(page, screen.name)));
    }
    expect(problems).toEqual([]);
  }, SLOW);

  it('no signed-in page scrolls sideways on the demo data (admin@demo.no)', async () => {
    const fx = await demoScreens(db);
    await page.setViewportSize({ width, height: 640 });
    await signInByCookie(context, db, 'admin@demo.no');
    const problems: string[] = [];
    for (const screen of PORTAL_PAGES) {
      await visit(page, 'nb', screen, fx);
      problems.push(...(await sidewaysProblems(page, screen.name)));
    }
    expect(problems).toEqual([]);
  }, SLOW);
});

describe('the collapsed menu by keyboard', () => {
  it('Tab reaches the name, Enter opens the menu, its links follow in order, Escape closes it and returns focus', async () => {
    const fx = await arrangeScreens(db, 'nb');
    await page.setViewportSize(PHONE);
    await signIn(page, db, fx.admin, 'nb');
    const summary = page.getByLabel(L.nb.userMenu);
    for (let i = 0; i < 10 && !(await summary.evaluate((element) => element === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(summary.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(summary.locator('xpath=..').getAttribute('open')).resolves.toBe('');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Saker');
    await page.keyboard.press('Escape');
    await expect(summary.locator('xpath=..').getAttribute('open')).resolves.toBeNull();
    await expect(summary.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  });
});
