import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { messages, tasks } from '@/db/schema';
import { closeBrowser, openBrowser, signIn } from '@/tests/helpers/browser';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { visibleText } from '@/tests/helpers/case-page';
import { makeCompanyWithCase, makeStaff } from '@/tests/helpers/desk-factories';
import { DESK, createTaskOnDesk, openDeskCase, signInStaff, type Locale } from '@/tests/helpers/desk-ui';

const { db, page } = browserSuite();

describe.each(['nb', 'en'] as const)('a task from the desk to the creditor and back (%s)', (locale: Locale) => {
  const l = DESK[locale];

  it('desk creates a task → Innsikt with the count → Gå til sak → Svar → the desk shows the answer, Historikk both', async () => {
    const { user: staffUser } = await makeStaff(db, locale);
    const { members, debtCase } = await makeCompanyWithCase(db, ['write'], locale);
    const writer = members[0]?.user;
    if (!writer) throw new Error('no writer');
    const title = `Bekreft adresse ${locale}`;
    const desk = await openBrowser();
    try {
      await signInStaff(desk.page, db, staffUser, locale);
      await openDeskCase(desk.page, locale, debtCase.caseNumber);
      await createTaskOnDesk(desk.page, locale, title, 'Stemmer adressen vi har på skyldner?');

      await signIn(page, db, writer, locale);
      const nav = page.getByRole('navigation', { name: locale === 'nb' ? 'Hovedmeny' : 'Main menu' });
      const insights = nav.getByRole('link', { name: new RegExp(`^${l.insights}`) });
      await expect(insights.getByTestId('open-task-count').textContent()).resolves.toMatch(/^1\b/);
      await insights.click();
      await page.waitForURL(`**/${locale}/insights`);
      const row = page.getByRole('row').filter({ hasText: title });
      await expect(row.textContent()).resolves.toContain(String(debtCase.caseNumber));
      await expect(row.textContent()).resolves.toContain(debtCase.debtor.name);

      await row.getByRole('link', { name: l.goToCase }).click();
      await page.waitForURL(`**/${locale}/cases/${debtCase.id}?task=*`);
      const task = page.getByRole('article', { name: title });
      await task.getByText('Stemmer adressen vi har på skyldner?').waitFor();
      await task.getByLabel(l.answer).fill('Ja, adressen stemmer.');
      await task.getByRole('button', { name: l.reply, exact: true }).click();
      await page.getByRole('status').filter({ hasText: l.answered }).waitFor();
      const [stored] = await db
        .select()
        .from(tasks)
        .where(and(eq(tasks.caseId, debtCase.id)));
      expect(stored).toMatchObject({ status: 'answered', answer: 'Ja, adressen stemmer.', answeredByUserId: writer.id });

      await desk.page.reload();
      await desk.page.getByText('Ja, adressen stemmer.').waitFor();

      await page.getByRole('link', { name: l.history, exact: true }).click();
      await page.waitForURL('**?tab=history');
      const history = await visibleText(page);
      expect(history).toContain(l.taskCreatedEvent(title));
      expect(history).toContain(l.taskAnsweredEvent(title));
      expect(history).toContain('Ja, adressen stemmer.');
      // The case handler acts as the agency.
      expect(history).not.toContain(staffUser.name);
      await expect(nav.getByTestId('open-task-count').count()).resolves.toBe(0);
    } finally {
      await closeBrowser(desk.context);
    }
  });

  it('a message round trip: the desk writes, the creditor reads it in Historikk (Meldinger) and answers, the desk reads it', async () => {
    const { user: staffUser } = await makeStaff(db, locale);
    const { members, debtCase } = await makeCompanyWithCase(db, ['admin'], locale);
    const admin = members[0]?.user;
    if (!admin) throw new Error('no admin');
    const desk = await openBrowser();
    try {
      await signInStaff(desk.page, db, staffUser, locale);
      await openDeskCase(desk.page, locale, debtCase.caseNumber);
      await desk.page.getByLabel(l.agencyMessage).fill('Skyldner ber om nedbetalingsplan.');
      await desk.page.getByRole('button', { name: l.send }).click();
      await desk.page.getByRole('status').filter({ hasText: l.sent }).waitFor();

      await signIn(page, db, admin, locale);
      await page.goto(`/${locale}/cases/${debtCase.id}?tab=history&activity=messages`);
      const text = await visibleText(page);
      expect(text).toContain(l.messageFromAgency);
      expect(text).toContain('Skyldner ber om nedbetalingsplan.');
      // Only messages under the Meldinger filter: the case's registration is not listed.
      await expect(page.locator('ol > li').count()).resolves.toBe(1);
      await page.getByLabel(l.message).fill('Det er greit for oss.');
      await page.getByRole('button', { name: l.send }).click();
      await page.getByRole('status').filter({ hasText: l.sent }).waitFor();
      await page.getByText('Det er greit for oss.').first().waitFor();

      await desk.page.reload();
      await desk.page.getByText('Det er greit for oss.').waitFor();
      const thread = await db
        .select({ fromAgency: messages.fromAgency })
        .from(messages)
        .where(eq(messages.caseId, debtCase.id))
        .orderBy(messages.createdAt);
      expect(thread.map((m) => m.fromAgency)).toEqual([true, false]);
    } finally {
      await closeBrowser(desk.context);
    }
  });
});

describe('a Lese user and a creditor on the desk', () => {
  it('a Lese user sees the task and its description, but no Svar form', async () => {
    const { staff } = await makeStaff(db);
    const { members, debtCase, company } = await makeCompanyWithCase(db, ['read']);
    const reader = members[0]?.user;
    if (!reader) throw new Error('no reader');
    await db
      .insert(tasks)
      .values({ companyId: company.id, caseId: debtCase.id, title: 'Lesetest', body: 'Bare for lesing', createdByUserId: staff.userId });
    await signIn(page, db, reader, 'nb');
    await page.getByRole('link', { name: /^Innsikt/ }).click();
    await page.getByRole('row').filter({ hasText: 'Lesetest' }).getByRole('link', { name: DESK.nb.goToCase }).click();
    const task = page.getByRole('article', { name: 'Lesetest' });
    await task.getByText('Bare for lesing').waitFor();
    await task.getByText(DESK.nb.readOnly).waitFor();
    await expect(task.getByRole('button', { name: 'Svar' }).count()).resolves.toBe(0);
    await expect(task.locator('textarea').count()).resolves.toBe(0);
  });

  it('a creditor (even an Administrator) gets 404 on every desk URL', async () => {
    const { members, debtCase } = await makeCompanyWithCase(db, ['admin']);
    const admin = members[0]?.user;
    if (!admin) throw new Error('no admin');
    await signIn(page, db, admin, 'nb');
    for (const path of ['/nb/desk', '/nb/desk/tasks', `/nb/desk/cases/${debtCase.id}`, '/en/desk/tasks?status=open']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      expect(await visibleText(page)).not.toContain(debtCase.debtor.name);
    }
  });
});
