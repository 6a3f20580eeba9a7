import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { nextCode, signIn, signInByCookie, submitPassword } from './browser';
import { makeUser } from './factories';
import { disclosureProblems, insideScreen, PHONE, seriousAxeViolations, sidewaysOverflow } from './layout-checks';
import {
  arrangeScreens,
  DEMO_SCREEN_USERS,
  demoScreens,
  DESK_PAGES,
  PORTAL_PAGES,
  PUBLIC_PAGES,
  type ScreenPage,
  type ScreenPaths,
} from './small-screen-pages';

// The small-screen checks (tests/e2e/small-screens*.test.ts), split over files so that the e2e workers share them.

export type Locale = 'nb' | 'en';
export const L = {
  nb: { userMenu: /^Brukermeny for /, settings: 'Innstillinger', nav: ['Saker', 'Innsikt', 'Rapporter', 'Hjelp'] },
  en: { userMenu: /^User menu for /, settings: 'Settings', nav: ['Cases', 'Insights', 'Reports', 'Help'] },
} as const;
export const SLOW = 240_000;

/** Set SCREENSHOT_DIR to look at the pages by eye (full-page PNGs at 360 px). */
async function screenshot(target: Page, locale: Locale, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await target.screenshot({ path: path.join(dir, `${locale}-${name.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true });
}

/** Problems on the page now open, as readable lines (empty when all is well). */
export async function sidewaysProblems(target: Page, name: string) {
  const overflow = await sidewaysOverflow(target);
  return overflow.scrollWidth > overflow.viewport
    ? [`${name}: ${overflow.scrollWidth} px wide in ${overflow.viewport} px (${overflow.culprits.join('; ')})`]
    : [];
}

/** "Trykk på pilen ved navnet ditt": the name's button is on screen, and its menu shows Innstillinger on screen. */
export async function userMenuProblems(target: Page, locale: Locale, name: string, userName: string) {
  const summary = target.getByLabel(L[locale].userMenu);
  const problems: string[] = [];
  await target.evaluate(() => window.scrollTo(0, 0)); // a form's autofocus may have scrolled the page down
  if (!insideScreen(await summary.boundingBox())) problems.push(`${name}: the user menu button is off screen`);
  if (!(await summary.innerText()).includes(userName.split(' ')[0] ?? ''))
    problems.push(`${name}: the user's name is not on the menu button`);
  await summary.click();
  const settings = summary.locator('xpath=..').getByRole('link', { name: L[locale].settings, exact: true });
  await settings.waitFor({ state: 'visible', timeout: 2_000 }).catch(() => problems.push(`${name}: ${L[locale].settings} did not show`));
  if (problems.length === 0 && !insideScreen(await settings.boundingBox())) problems.push(`${name}: ${L[locale].settings} is off screen`);
  if (problems.length === 0 && !insideScreen(await summary.locator('xpath=following-sibling::*[1]').boundingBox()))
    problems.push(`${name}: the open menu reaches off screen`);
  await screenshot(target, locale, `${name} menu open`);
  return problems;
}

export async function visit(target: Page, locale: Locale, screen: ScreenPage, fx: ScreenPaths | null) {
  const response = await target.goto(`/${locale}${screen.path(fx as ScreenPaths)}`);
  if (!response || response.status() >= 500) throw new Error(`${screen.name}: status ${response?.status()}`);
  await target.locator('h1, h2').first().waitFor();
  return response.status();
}

/**
 * Every signed-in page for the user signed in now: the width, axe, the disclosures and the user menu. A page the
 * user's role may not open must be `notFound` (Lese: Integrasjoner); its 404 page has no menu to check.
 */
async function portalPageProblems(
  page: Page,
  locale: Locale,
  fx: ScreenPaths,
  userName: string,
  options: { shotPrefix?: string; notFound?: readonly string[] } = {},
) {
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

/** The checks at 360 × 740 in one language: every signed-in page (own company and demo data), sign-in and the desk. */
export function describeSmallScreens(locale: Locale, suite: { db: Database; context: BrowserContext; page: Page }) {
  const { db, context, page } = suite;
  describe(`at 360 × 740 (${locale})`, () => {
    it(
      'every signed-in page fits the width, the user menu shows Settings on screen, and axe finds nothing serious',
      async () => {
        const fx = await arrangeScreens(db, locale);
        await page.setViewportSize(PHONE);
        await signIn(page, db, fx.admin, locale);
        expect(await portalPageProblems(page, locale, fx, fx.admin.name)).toEqual([]);
      },
      SLOW,
    );

    // The demo's lists are full: open tasks, long debtor names, cases in every stage, slips, several companies.
    it.each(DEMO_SCREEN_USERS)(
      'on the demo data as %s, every signed-in page fits, shows Settings on screen and passes axe',
      async (email) => {
        const fx = await demoScreens(db);
        const [user] = await db.select({ name: users.name }).from(users).where(eq(users.email, email));
        await page.setViewportSize(PHONE);
        await signInByCookie(context, db, email);
        const notFound = email === 'les@demo.no' ? ['Integrasjoner', 'Integrasjoner, API-referanse'] : [];
        expect(await portalPageProblems(page, locale, fx, user?.name ?? email, { shotPrefix: `demo ${email} `, notFound })).toEqual([]);
      },
      SLOW,
    );

    it('the header collapses: Saker, Innsikt, Rapporter and Hjelp are in the menu beside the name', async () => {
      const fx = await arrangeScreens(db, locale);
      await page.setViewportSize(PHONE);
      await signIn(page, db, fx.admin, locale);
      const banner = page.getByRole('banner');
      for (const label of L[locale].nav)
        await expect(banner.getByRole('link', { name: label, exact: true }).isVisible()).resolves.toBe(false);
      await page.getByLabel(L[locale].userMenu).click();
      for (const label of L[locale].nav) {
        const link = banner.getByRole('link', { name: label, exact: true });
        expect(insideScreen(await link.boundingBox()), label).toBe(true);
      }
      await banner.getByRole('link', { name: L[locale].nav[2], exact: true }).click();
      await page.waitForURL(`**/${locale}/reports`);
      await expect(page.getByLabel(L[locale].userMenu).locator('xpath=..').getAttribute('open')).resolves.toBeNull();
    });

    it(
      'the sign-in pages fit the width with nothing serious for axe',
      async () => {
        const fx = await arrangeScreens(db, locale);
        await page.setViewportSize(PHONE);
        const problems: string[] = [];
        for (const screen of PUBLIC_PAGES) {
          await visit(page, locale, screen, fx);
          problems.push(
            ...(await sidewaysProblems(page, screen.name)),
            ...(await seriousAxeViolations(page)).map((line) => `${screen.name}: ${line}`),
          );
        }
        await submitPassword(page, locale, fx.admin.email, fx.admin.password);
        await page.waitForURL(`**/${locale}/login/verify`);
        problems.push(
          ...(await sidewaysProblems(page, 'the 2FA step')),
          ...(await seriousAxeViolations(page)).map((line) => `2FA step: ${line}`),
        );
        expect(problems).toEqual([]);
      },
      SLOW,
    );

    it(
      'the desk fits the width and its user menu shows Settings on screen',
      async () => {
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
          problems.push(
            ...(await sidewaysProblems(page, screen.name)),
            ...(await seriousAxeViolations(page)).map((line) => `${screen.name}: ${line}`),
          );
          problems.push(...(await userMenuProblems(page, locale, screen.name, staff.name)));
        }
        expect(problems).toEqual([]);
      },
      SLOW,
    );
  });
}
