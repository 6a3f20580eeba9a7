import { describe, expect, it } from 'vitest';
import { openBrowser, signIn, signInByCookie } from '@/tests/helpers/browser';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { disclosureProblems, PHONE } from '@/tests/helpers/layout-checks';
import { L, SLOW, sidewaysProblems, userMenuProblems, visit } from '@/tests/helpers/small-screen-checks';
import { arrangeScreens, demoScreens, PORTAL_PAGES } from '@/tests/helpers/small-screen-pages';

// At 360 × 740 in each language: small-screens-nb.test.ts and small-screens-en.test.ts. Here: without JavaScript,
// reflow at 320 and 640 px, and the collapsed menu by keyboard.
const { db, context, page } = browserSuite();

describe('without JavaScript at 360 × 740', () => {
  it.each(['nb', 'en'] as const)(
    'every signed-in page fits and the menu opens with Settings on screen (%s)',
    async (locale) => {
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
    },
    SLOW,
  );

  it(
    'every signed-in page fits on the demo data (admin@demo.no, nb)',
    async () => {
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
    },
    SLOW,
  );
});

// A 1280 px wide desktop window at 400 % zoom is 320 CSS px wide (WCAG 1.4.10), at 200 % it is 640 (WCAG 1.4.4).
describe.each([320, 640])('reflow at %i px', (width) => {
  it(
    'no signed-in page scrolls sideways',
    async () => {
      const fx = await arrangeScreens(db, 'nb');
      await page.setViewportSize({ width, height: 640 });
      await signIn(page, db, fx.admin, 'nb');
      const problems: string[] = [];
      for (const screen of PORTAL_PAGES) {
        await visit(page, 'nb', screen, fx);
        problems.push(...(await sidewaysProblems(page, screen.name)));
      }
      expect(problems).toEqual([]);
    },
    SLOW,
  );

  it(
    'no signed-in page scrolls sideways on the demo data (admin@demo.no)',
    async () => {
      const fx = await demoScreens(db);
      await page.setViewportSize({ width, height: 640 });
      await signInByCookie(context, db, 'admin@demo.no');
      const problems: string[] = [];
      for (const screen of PORTAL_PAGES) {
        await visit(page, 'nb', screen, fx);
        problems.push(...(await sidewaysProblems(page, screen.name)));
      }
      expect(problems).toEqual([]);
    },
    SLOW,
  );
});

describe('the collapsed menu by keyboard', () => {
  it('Tab reaches the name, Enter opens the menu, its links follow in order, Escape closes it and returns focus', async () => {
    const fx = await arrangeScreens(db, 'nb');
    await page.setViewportSize(PHONE);
    await signIn(page, db, fx.admin, 'nb');
    const summary = page.getByLabel(L.nb.userMenu);
    for (let i = 0; i < 10 && !(await summary.evaluate((element) => element === document.activeElement)); i++)
      await page.keyboard.press('Tab');
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
