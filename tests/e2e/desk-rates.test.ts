import { mkdirSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { feeRates, interestRates, rateCorrectionReconciliations, rateCorrections, users } from '@/db/schema';
import { todayInOslo } from '@/lib/dates';
import { halfYearsAround, missingRates } from '@/lib/desk/rates/warnings';
import { loadTables } from '@/lib/engine/tables';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { signIn } from '@/tests/helpers/browser';
import { makeCase } from '@/tests/helpers/case-factories';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import { waitFor } from '@/tests/helpers/wait';

const { db, page } = browserSuite();
// SCREENSHOT_DIR=/tmp/shots keeps a 360 px picture of each page to look at, as the small-screen test does.
const SHOTS = process.env.SCREENSHOT_DIR;

async function staffUser(locale: 'nb' | 'en') {
  const user = await makeUser(db, { memberships: [], locale });
  await db.update(users).set({ isAgencyStaff: true }).where(eq(users.id, user.id));
  return user;
}

async function shot(name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function noSidewaysScroll() {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

describe('desk → Satser', () => {
  it('warns on the desk while a rate is missing; a rate entered with its source is saved and the warning drops it', async () => {
    const expected = missingRates(await loadTables(db), todayInOslo());
    // The demo's standardkompensasjon has no row for the second half of 2026 (not published in domain.md).
    expect(expected.length).toBeGreaterThan(0);
    await signIn(page, db, await staffUser('nb'), 'nb');
    const warning = page.getByRole('region', { name: 'Satser mangler' });
    await warning.waitFor();
    expect(await warning.locator('li').count()).toBe(expected.length);

    await page.getByRole('link', { name: 'Legg inn satsene' }).click();
    await page.waitForURL('**/nb/desk/rates');
    // The demo's assumed 2H 2026 rate is marked as an assumption.
    await page.getByText('Antakelse – ikke en publisert sats').first().waitFor();

    const target = expected.find((row) => row.kind === 'standard_compensation') ?? {
      kind: 'standard_compensation',
      halfYearFrom: halfYearsAround(todayInOslo()).next,
    };
    // The form that enters a new rate (the one below it corrects one).
    const add = page.getByRole('region', { name: 'Legg inn en sats' });
    await add.getByLabel('Hva satsen gjelder').selectOption('standard_compensation');
    await add.getByLabel('Gjelder fra').fill(target.halfYearFrom);
    await add.getByLabel('Sats', { exact: true }).fill('46O');
    await add.getByLabel('Kilde').fill('Finansdepartementet, forskrift om standardkompensasjon');
    await add.getByRole('button', { name: 'Lagre satsen' }).click();
    await page.getByText('Skriv beløpet i kroner med høyst to desimaler').waitFor();
    expect(
      await db
        .select()
        .from(feeRates)
        .where(and(eq(feeRates.kind, 'standard_compensation'), eq(feeRates.validFrom, target.halfYearFrom))),
    ).toHaveLength(0);

    await add.getByLabel('Sats', { exact: true }).fill('470');
    // The refused values came back in the fields (the form works without JavaScript too).
    expect(await add.getByLabel('Hva satsen gjelder').inputValue()).toBe('standard_compensation');
    expect(await add.getByLabel('Kilde').inputValue()).toBe('Finansdepartementet, forskrift om standardkompensasjon');
    await add.getByRole('button', { name: 'Lagre satsen' }).click();
    const status = add.locator('form [role=status]');
    await expect.poll(async () => (await status.innerText()).trim(), { timeout: 30_000 }).toMatch(/^Satsen er lagret\./);
    await expect
      .poll(async () => (await db.select().from(feeRates).where(eq(feeRates.validFrom, target.halfYearFrom)))[0]?.amountOre)
      .toBe(47_000);
    await page.reload();
    await page.getByRole('cell', { name: 'Finansdepartementet, forskrift om standardkompensasjon' }).waitFor();
    const after = page.getByRole('region', { name: 'Satser mangler' });
    expect((await after.count()) === 0 ? 0 : await after.locator('li').count()).toBe(expected.length - (expected.includes(target) ? 1 : 0));

    await page.setViewportSize({ width: 360, height: 740 });
    await noSidewaysScroll();
    await shot('desk-rates-nb-360');
  });

  it('Rett en sats is saved at once; the table says its recalculation is queued, then done', async () => {
    // A desk rate far ahead, so no case in this worker's database uses it (a correction here touches none).
    const validFrom = '2033-07-01';
    await db.insert(interestRates).values({ validFrom, rateBasisPoints: 1_300, source: 'Norges Bank (feiltastet 2033)' });
    await signIn(page, db, await staffUser('nb'), 'nb');
    await page.goto('/nb/desk/rates');
    const correct = page.getByRole('region', { name: 'Rett en sats' });
    await correct.getByLabel('Hva satsen gjelder').selectOption('interest');
    await correct.getByLabel('Gjelder fra').fill(validFrom);
    await correct.getByLabel('Sats', { exact: true }).fill('12,50');
    await correct.getByLabel('Kilde og grunn til rettelsen').fill('Norges Bank, rettet');
    await correct.getByRole('button', { name: 'Rett satsen' }).click();
    await correct
      .getByRole('status')
      .filter({ hasText: /^Satsen er rettet\. Sakene den gjelder beregnes på nytt i bakgrunnen/ })
      .waitFor();
    const source = page.getByRole('cell', { name: /Norges Bank \(feiltastet 2033\)/ });
    await source.getByText(/Nyberegningen av sakene står i kø\.|Ingen saker måtte beregnes på nytt\./).waitFor();

    // The job has reconciled it (none of the cases used the rate): after a reload the table says so.
    const [correction] = await db.select({ id: rateCorrections.id }).from(rateCorrections).where(eq(rateCorrections.validFrom, validFrom));
    await waitFor(
      async () =>
        (
          await db
            .select()
            .from(rateCorrectionReconciliations)
            .where(eq(rateCorrectionReconciliations.correctionId, correction?.id ?? ''))
        ).length === 1,
      { what: 'the correction’s recalculation' },
    );
    await page.reload();
    await source.getByText('Ingen saker måtte beregnes på nytt.').waitFor();
  });

  it('English, at 360 px', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, db, await staffUser('en'), 'en');
    await page.goto('/en/desk/rates');
    await page.getByRole('heading', { name: 'Rates', exact: true }).waitFor();
    await page.getByText('Assumption – not a published rate').first().waitFor();
    await noSidewaysScroll();
    await shot('desk-rates-en-360');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('is not found for a creditor user', async () => {
    const company = await makeCompany(db);
    await signIn(page, db, await makeUser(db, { memberships: [{ companyId: company.id, role: 'admin' }] }), 'nb');
    expect((await page.goto('/nb/desk/rates'))?.status()).toBe(404);
  });
});

describe('the § 15 statement of a closed case', () => {
  it('opens from the case page for the creditor (page and PDF), and on the desk, in nb and en', async () => {
    const company = await makeCompany(db);
    const closed = await makeCase(db, {
      companyId: company.id,
      status: 'closed',
      stage: 'closed',
      invoiceAmountsOre: [500_000],
      feeOre: 56_000,
      interestOre: 1_234,
    });
    for (const locale of ['nb', 'en'] as const) {
      await signIn(page, db, await makeUser(db, { locale, memberships: [{ companyId: company.id, role: 'read' }] }), locale);
      await page.goto(`/${locale}/cases/${closed.id}`);
      await page
        .getByRole('link', {
          name: locale === 'nb' ? 'Sluttoppstilling (inkassoloven § 15)' : 'Final statement (Debt Collection Act section 15)',
        })
        .click();
      await page.waitForURL(`**/${locale}/cases/${closed.id}/statement`);
      const charged = page.getByRole('region', { name: locale === 'nb' ? 'Krevd av skyldneren' : 'Charged to the debtor' });
      expect((await charged.innerText()).replace(/[\u00A0\u202F]/g, ' ')).toContain(locale === 'nb' ? 'kr 5 572,34' : 'NOK 5,572.34');
      const pdf = await page.request.get(`/api/cases/${closed.id}/statement?locale=${locale}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      await page.setViewportSize({ width: 360, height: 740 });
      await noSidewaysScroll();
      await shot(`statement-${locale}-360`);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.context().clearCookies();
    }
    await signIn(page, db, await staffUser('nb'), 'nb');
    await page.goto(`/nb/desk/cases/${closed.id}`);
    await page.getByRole('link', { name: 'Sluttoppstilling (inkassoloven § 15)' }).click();
    await page.waitForURL(`**/nb/desk/cases/${closed.id}/statement`);
    await page.getByRole('heading', { name: `Sluttoppstilling for sak ${closed.caseNumber}` }).waitFor();
    await shot('statement-desk-nb');
  });
});
