import { describe, expect, it } from 'vitest';
import { todayInOslo } from '@/lib/dates';
import { signInByCookie } from '@/tests/helpers/browser';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { insideScreen, PHONE, sidewaysOverflow } from '@/tests/helpers/layout-checks';

const { db, context, page } = browserSuite();

const DESKTOP = { width: 1366, height: 900 };
const L = {
  nb: { goToCase: /^Gå til sak\b/, chart: 'Innkrevd per måned, siste 12 måneder', money: /kr\u00A0\d/, soFar: 'hittil' },
  en: { goToCase: /^Go to case\b/, chart: 'Collected per month, last 12 months', money: /NOK\u00A0\d/, soFar: 'so far' },
} as const;

// The demo's users with open tasks: "Svare på oppgaver" sends them to Innsikt for them.
const DEMO_USERS = ['les@demo.no', 'admin@demo.no'] as const;

describe.each(['nb', 'en'] as const)('Innsikt on the demo data (%s)', (locale) => {
  const l = L[locale];

  it.each(DEMO_USERS)(
    '%s: the first open task’s Gå til sak is on the first screen at 1366 × 900 and 360 × 740, and the page never scrolls sideways',
    async (email) => {
      await signInByCookie(context, db, email);
      for (const screen of [DESKTOP, PHONE]) {
        await page.setViewportSize(screen);
        await page.goto(`/${locale}/insights`);
        const first = page.getByRole('link', { name: l.goToCase }).first();
        await first.waitFor();
        const where = `${email} at ${screen.width} × ${screen.height}`;
        expect(
          insideScreen(await first.boundingBox(), screen),
          `${where}: Gå til sak at ${JSON.stringify(await first.boundingBox())}`,
        ).toBe(true);
        const overflow = await sidewaysOverflow(page);
        expect(overflow.scrollWidth, `${where}: ${overflow.culprits.join('; ')}`).toBeLessThanOrEqual(overflow.viewport);
      }
      // The link opens the case with that task.
      const href = (await page.getByRole('link', { name: l.goToCase }).first().getAttribute('href')) ?? '';
      expect(href).toMatch(new RegExp(`^/${locale}/cases/[0-9a-f-]{36}\\?task=[0-9a-f-]{36}$`));
    },
  );

  it('shows the last twelve months with the amount on each bar, the year on the labels, and this month marked as so far', async () => {
    await signInByCookie(context, db, 'admin@demo.no');
    await page.setViewportSize(DESKTOP);
    await page.goto(`/${locale}/insights`);
    const chart = page.getByRole('table', { name: l.chart });
    await chart.waitFor();
    const rows = chart.locator('tbody').getByRole('row');
    await expect(rows.count()).resolves.toBe(12);
    const labels = await rows.getByRole('rowheader').allInnerTexts();
    const values = await rows.locator('td:last-child').allInnerTexts();
    expect(values).toHaveLength(12);
    for (const value of values) expect(value).toMatch(l.money);
    // Reference from the calendar: the twelve months end with this one; the first label and January name their year.
    const today = todayInOslo();
    const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    const firstYear = month === 12 ? year : year - 1;
    expect(labels[0]).toContain(String(firstYear));
    if (month !== 12) expect(labels[12 - month]).toContain(String(year));
    expect(labels.filter((label) => /\d{4}/.test(label))).toHaveLength(month === 12 ? 1 : 2);
    expect(labels[11]).toContain(l.soFar);
    // Compact: the whole chart fits in less than a third of the screen's height.
    const figure = await chart.boundingBox();
    expect(figure?.height ?? Infinity).toBeLessThan(DESKTOP.height / 3 + 40);
  });
});
