import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cases, events, ledgerEntries } from '@/db/schema';
import { closeBrowser, openBrowser, signIn } from '@/tests/helpers/browser';
import { makeCase } from '@/tests/helpers/case-factories';
import { arrangeCase, openCaseFromList, visibleText } from '@/tests/helpers/case-page';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { makeUser } from '@/tests/helpers/factories';
import { todayInOslo } from '@/lib/dates';
import { portalUrl } from '@/tests/helpers/e2e-portal';

const { db, context, page } = browserSuite();

/** The hidden fields a server-rendered (no-JS) form posts: React's action reference and our own inputs. */
async function hiddenFields(form: ReturnType<Page['locator']>) {
  const fields: Record<string, string> = {};
  for (const input of await form.locator('input[type=hidden]').all()) {
    fields[(await input.getAttribute('name')) ?? ''] = (await input.getAttribute('value')) ?? '';
  }
  return fields;
}

async function caseStatus(caseId: string) {
  const [row] = await db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId));
  return row?.status;
}

describe('a Lese (read) user', () => {
  it('sees the case, its history and payment information, but no Behandle or Endre sak', async () => {
    const { user, debtCase } = await arrangeCase(db, { role: 'read' });
    await signIn(page, db, user, 'nb');
    await openCaseFromList(page, 'nb', debtCase.caseNumber);
    expect(await visibleText(page)).toContain('Betalingsinformasjon');
    await expect(page.locator('summary', { hasText: 'Behandle' }).count()).resolves.toBe(0);
    await expect(page.locator('summary', { hasText: 'Endre sak' }).count()).resolves.toBe(0);
    await expect(page.locator('main form').count()).resolves.toBe(0);
    const roles = page.getByRole('link', { name: 'Les mer om de ulike rollene her' });
    await expect(roles.getAttribute('href')).resolves.toBe('/nb/help/roles');

    for (const step of ['confirm=pause', 'confirm=withdraw', 'action=payment']) {
      await page.goto(`/nb/cases/${debtCase.id}?${step}`);
      await page.getByRole('alert').filter({ hasText: 'Du har ikke tilgang til å gjøre dette.' }).waitFor();
      await expect(page.getByRole('button', { name: /Pause sak|Trekk sak|Registrer betaling/ }).count()).resolves.toBe(0);
    }
    await page.goto(`/nb/cases/${debtCase.id}`);
    await page.getByRole('link', { name: 'Historikk' }).click();
    await page.waitForURL('**?tab=history');
    await expect(page.locator('ol > li').count()).resolves.toBe(2);
  });

  it("has crafted POSTs of the writer's forms refused on the server; the same POSTs from the writer work", async () => {
    const { company, user: reader, debtCase } = await arrangeCase(db, { role: 'read' });
    const writer = await makeUser(db, { memberships: [{ companyId: company.id, role: 'write' }] });
    const origin = portalUrl();
    const writerBrowser = await openBrowser({ javaScriptEnabled: false });
    try {
      await signIn(writerBrowser.page, db, writer, 'nb');
      await signIn(page, db, reader, 'nb');

      const pauseUrl = `/nb/cases/${debtCase.id}?confirm=pause`;
      await writerBrowser.page.goto(pauseUrl);
      const pause = await hiddenFields(
        writerBrowser.page.locator('form', { has: writerBrowser.page.getByRole('button', { name: 'Pause sak' }) }),
      );
      expect(pause).toMatchObject({ caseId: debtCase.id, action: 'pause', expectedStatus: 'active' });

      const paymentUrl = `/nb/cases/${debtCase.id}?action=payment`;
      await writerBrowser.page.goto(paymentUrl);
      const payment = {
        ...(await hiddenFields(
          writerBrowser.page.locator('form', { has: writerBrowser.page.getByRole('button', { name: 'Registrer betaling' }) }),
        )),
        kind: 'payment',
        invoiceId: debtCase.invoices[0]?.id ?? '',
        paidOn: todayInOslo(),
        currency: 'NOK',
        amount: '100',
      };

      // The reader's session posts them: refused, nothing written.
      for (const [url, fields] of [
        [pauseUrl, pause],
        [paymentUrl, payment],
      ] as const) {
        const response = await context.request.post(url, { multipart: fields, headers: { origin }, maxRedirects: 0 });
        expect(response.status()).toBe(200);
      }
      expect(await caseStatus(debtCase.id)).toBe('active');
      expect(
        await db
          .select()
          .from(ledgerEntries)
          .where(and(eq(ledgerEntries.caseId, debtCase.id), eq(ledgerEntries.kind, 'payment'))),
      ).toEqual([]);
      const changes = await db
        .select()
        .from(events)
        .where(and(eq(events.caseId, debtCase.id), eq(events.type, 'case.paused')));
      expect(changes).toEqual([]);

      // A member of another company posting them finds nothing to change either.
      const outsider = await arrangeCase(db, { role: 'admin' });
      await context.clearCookies();
      await signIn(page, db, outsider.user, 'nb');
      for (const [url, fields] of [
        [pauseUrl, pause],
        [paymentUrl, payment],
      ] as const) {
        await context.request.post(url, { multipart: fields, headers: { origin }, maxRedirects: 0 });
      }
      expect(await caseStatus(debtCase.id)).toBe('active');
      expect(
        await db
          .select()
          .from(ledgerEntries)
          .where(and(eq(ledgerEntries.caseId, debtCase.id), eq(ledgerEntries.kind, 'payment'))),
      ).toEqual([]);

      // The very same requests from the writer's session go through, so the refusal above was the role check.
      const paid = await writerBrowser.context.request.post(paymentUrl, { multipart: payment, headers: { origin }, maxRedirects: 0 });
      expect(paid.status()).toBe(303);
      const paused = await writerBrowser.context.request.post(pauseUrl, { multipart: pause, headers: { origin }, maxRedirects: 0 });
      expect(paused.status()).toBe(303);
      expect(paused.headers().location).toContain('done=paused');
      expect(await caseStatus(debtCase.id)).toBe('paused');
      expect(
        await db
          .select()
          .from(ledgerEntries)
          .where(and(eq(ledgerEntries.caseId, debtCase.id), eq(ledgerEntries.kind, 'payment'))),
      ).toHaveLength(1);
    } finally {
      await closeBrowser(writerBrowser.context);
    }
  });
});

describe("another company's case", () => {
  it('is a 404 page at its URL, like an unknown or malformed id', async () => {
    const { user } = await arrangeCase(db, { role: 'admin' });
    const { debtCase: foreign } = await arrangeCase(db);
    await signIn(page, db, user, 'nb');
    for (const id of [foreign.id, '00000000-0000-4000-8000-000000000000', 'not-a-case']) {
      for (const query of ['', '?tab=history', '?action=payment']) {
        const response = await page.goto(`/nb/cases/${id}${query}`);
        expect(response?.status()).toBe(404);
        await page.getByRole('heading', { name: 'Fant ikke saken' }).waitFor();
        expect(await visibleText(page)).not.toContain(foreign.debtor.name);
      }
    }
  });
});

describe('an AutoCollect company', () => {
  it('shows Registrer betaling and Kreditering disabled with the explanation, and still offers Behandle', async () => {
    const { user, company, debtCase } = await arrangeCase(db, { autocollect: true, locale: 'en' });
    await makeCase(db, { companyId: company.id });
    await signIn(page, db, user, 'en');
    await openCaseFromList(page, 'en', debtCase.caseNumber);
    const explanation =
      'This company uses AutoCollect, which keeps payments and credit notes in sync with the accounting system. They cannot be registered here.';

    await page.locator('summary', { hasText: 'Edit case' }).click();
    const item = page.getByRole('button', { name: 'Register payment' });
    await expect(item.isDisabled()).resolves.toBe(true);
    await page.getByText(explanation).first().waitFor();
    await expect(page.getByRole('link', { name: 'Register payment' }).count()).resolves.toBe(0);

    await page.goto(`/en/cases/${debtCase.id}?action=payment`);
    await page.getByRole('region', { name: 'Register payment' }).getByText(explanation).waitFor();
    await expect(page.getByLabel('Credit', { exact: true }).isDisabled()).resolves.toBe(true);
    await expect(page.getByLabel('Amount', { exact: true }).isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Register payment' }).isDisabled()).resolves.toBe(true);

    await page.goto(`/en/cases/${debtCase.id}`);
    await page.locator('summary', { hasText: 'Manage' }).click();
    await page.getByRole('link', { name: 'Pause case' }).waitFor();
  });
});
