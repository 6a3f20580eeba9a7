import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { messages, tasks } from '@/db/schema';
import { closeBrowser, openBrowser, signIn } from '@/tests/helpers/browser';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { makeListedCase } from '@/tests/helpers/case-list-fixtures';
import { makeCompanyWithCase, makeStaff } from '@/tests/helpers/desk-factories';
import { signInStaff } from '@/tests/helpers/desk-ui';
import { portalUrl } from '@/tests/helpers/e2e-portal';

const { db, context, page } = browserSuite();

/** Every field a server-rendered (no-JS) form posts: React's action reference and our inputs. */
async function formFields(form: ReturnType<Page['locator']>) {
  const fields: Record<string, string> = {};
  for (const input of await form.locator('input[name], textarea[name], select[name]').all()) {
    fields[(await input.getAttribute('name')) ?? ''] =
      (await input.inputValue().catch(() => null)) ?? (await input.getAttribute('value')) ?? '';
  }
  return fields;
}

describe("the desk's actions", () => {
  it("refuse every creditor role (even Administrator of the case's company); the same POSTs from the case handler work", async () => {
    const { user: staffUser } = await makeStaff(db);
    const { members, debtCase } = await makeCompanyWithCase(db, ['read', 'write', 'admin']);
    const origin = portalUrl();
    const desk = await openBrowser({ javaScriptEnabled: false });
    try {
      await signInStaff(desk.page, db, staffUser, 'nb');
      const url = `/nb/desk/cases/${debtCase.id}`;
      await desk.page.goto(url);
      const createForm = desk.page.locator('form', { has: desk.page.getByRole('button', { name: 'Opprett oppgave' }) });
      await createForm.getByLabel('Tittel').fill('Smuglet oppgave');
      await createForm.getByLabel('Beskrivelse').fill('Fra en kreditor');
      const create = await formFields(createForm);
      const messageForm = desk.page.locator('form', { has: desk.page.getByRole('button', { name: 'Send melding' }) });
      await messageForm.getByLabel('Melding til kunden').fill('Smuglet melding');
      const message = await formFields(messageForm);
      expect(create).toMatchObject({ caseId: debtCase.id, title: 'Smuglet oppgave' });

      for (const member of members) {
        await context.clearCookies();
        await signIn(page, db, member.user, 'nb');
        for (const fields of [create, message]) {
          await context.request.post(url, { multipart: fields, headers: { origin }, maxRedirects: 0 });
        }
        expect(await db.select().from(tasks).where(eq(tasks.caseId, debtCase.id))).toEqual([]);
        expect(await db.select().from(messages).where(eq(messages.caseId, debtCase.id))).toEqual([]);
      }

      for (const fields of [create, message]) {
        const response = await desk.context.request.post(url, { multipart: fields, headers: { origin }, maxRedirects: 0 });
        expect(response.status()).toBe(200);
      }
      expect(await db.select({ title: tasks.title }).from(tasks).where(eq(tasks.caseId, debtCase.id))).toEqual([
        { title: 'Smuglet oppgave' },
      ]);
      expect(await db.select({ body: messages.body }).from(messages).where(eq(messages.caseId, debtCase.id))).toEqual([
        { body: 'Smuglet melding' },
      ]);
    } finally {
      await closeBrowser(desk.context);
    }
  });
});

describe("the desk's case search", () => {
  it('pages through one company with Neste side and Forrige side, keeping the company filter', async () => {
    const { user: staffUser } = await makeStaff(db);
    const { company } = await makeCompanyWithCase(db, ['read']);
    // 55 more cases: one page of 50 and a second one of 6 (with the helper's own case).
    for (let index = 0; index < 55; index++)
      await makeListedCase(db, { companyId: company.id, registeredAt: new Date(Date.now() - index * 60_000) });
    await signInStaff(page, db, staffUser, 'nb');
    await page.goto(`/nb/desk?company=${company.id}`);
    const rows = () => page.locator('main table:visible tbody tr');
    await expect.poll(() => rows().count()).toBe(50);
    await page.getByRole('link', { name: 'Neste side' }).click();
    await page.waitForURL(/after=/);
    await expect.poll(() => rows().count()).toBe(6);
    expect(new URL(page.url()).searchParams.get('company')).toBe(company.id);
    await page.getByRole('status').filter({ hasText: 'Viser 51–56' }).waitFor();
    await page.getByRole('link', { name: 'Forrige side' }).click();
    await expect.poll(() => rows().count()).toBe(50);
  });
});
