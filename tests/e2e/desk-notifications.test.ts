import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { outbox, users } from '@/db/schema';
import { sendDueSummaries } from '@/lib/notifications/summaries';
import { closeBrowser, openBrowser, openMailboxReader, openUserMenu, signIn } from '@/tests/helpers/browser';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { visibleText } from '@/tests/helpers/case-page';
import { makeCompanyWithCase, makeStaff } from '@/tests/helpers/desk-factories';
import { DESK, createTaskOnDesk, openDeskCase, signInStaff } from '@/tests/helpers/desk-ui';

const { db, page } = browserSuite();

async function settingsOf(userId: string) {
  const [row] = await db.select({ tasks: users.notifyTasks, messages: users.notifyMessages }).from(users).where(eq(users.id, userId));
  return row;
}

const readers = new Map<string, Awaited<ReturnType<typeof openMailboxReader>>>();
afterAll(async () => {
  for (const reader of readers.values()) await closeBrowser(reader.context);
});

/**
 * The development mailbox stands in for the inbox, read by `recipient` in a browser of their own (it shows a user
 * only their own mail): the emails to `recipient`, newest first.
 */
async function mailboxFor(recipient: string) {
  const reader = readers.get(recipient) ?? (await openMailboxReader(db, recipient));
  readers.set(recipient, reader);
  await reader.page.goto('/nb/dev/mailbox');
  return reader.page.getByRole('article').filter({ hasText: recipient });
}

describe('notification emails', () => {
  it('reach users with Oppgaver on, not one who unticked it through the menu as the article says; the summary follows', async () => {
    const { user: staffUser } = await makeStaff(db);
    const { members, debtCase } = await makeCompanyWithCase(db, ['write', 'read']);
    const [keeps, unticks] = members.map((m) => m.user);
    if (!keeps || !unticks) throw new Error('members missing');

    // "Fjerne varslinger på e-post fra portalen", step by step.
    await signIn(page, db, unticks, 'nb');
    await openUserMenu(page);
    await page.getByRole('link', { name: DESK.nb.settings }).click();
    await page.getByRole('link', { name: DESK.nb.notifications }).click();
    await page.waitForURL('**/nb/settings/notifications');
    const box = page.getByRole('checkbox', { name: new RegExp(`^${DESK.nb.tasksBox}`) });
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await page.getByRole('status').filter({ hasText: DESK.nb.saved }).waitFor();
    expect(await settingsOf(unticks.id)).toEqual({ tasks: false, messages: true });
    await page.context().clearCookies();

    const desk = await openBrowser();
    try {
      await signInStaff(desk.page, db, staffUser, 'nb');
      await openDeskCase(desk.page, 'nb', debtCase.caseNumber);
      await createTaskOnDesk(desk.page, 'nb', 'Første oppgave', 'Beskrivelse');
      await createTaskOnDesk(desk.page, 'nb', 'Andre oppgave', 'Beskrivelse');
      await createTaskOnDesk(desk.page, 'nb', 'Tredje oppgave', 'Beskrivelse');
    } finally {
      await closeBrowser(desk.context);
    }

    // One email at once; the next two wait for the summary.
    const mails = await mailboxFor(keeps.email);
    await expect(mails.count()).resolves.toBe(1);
    await expect(mails.first().getByRole('heading').textContent()).resolves.toBe(
      `Ny oppgave på sak ${debtCase.caseNumber} – Kredittportalen`,
    );
    await expect(
      mails
        .first()
        .getByRole('link')
        .filter({ hasText: `/nb/cases/${debtCase.id}` })
        .count(),
    ).resolves.toBe(1);
    await expect((await mailboxFor(unticks.email)).count()).resolves.toBe(0);

    // The summary job's run, with the clock moved past the window instead of waiting for it.
    await sendDueSummaries(db, new Date(Date.now() + 11 * 60_000));
    const after = await mailboxFor(keeps.email);
    await expect(after.count()).resolves.toBe(2);
    const summary = after.filter({ hasText: '2 nye oppgaver' });
    await expect(visibleText(readers.get(keeps.email)?.page ?? page, 'main')).resolves.toContain(
      'Sak ' + debtCase.caseNumber + ': Andre oppgave',
    );
    await expect(summary.count()).resolves.toBe(1);
    await expect((await mailboxFor(unticks.email)).count()).resolves.toBe(0);
  });

  it('the unsubscribe link works without signing in and turns off only that kind; a tampered one changes nothing', async () => {
    const { user: staffUser } = await makeStaff(db, 'en');
    const { members, debtCase } = await makeCompanyWithCase(db, ['write'], 'en');
    const user = members[0]?.user;
    if (!user) throw new Error('no user');
    const desk = await openBrowser();
    try {
      await signInStaff(desk.page, db, staffUser, 'en');
      await openDeskCase(desk.page, 'en', debtCase.caseNumber);
      await createTaskOnDesk(desk.page, 'en', 'Please confirm', 'Details');
    } finally {
      await closeBrowser(desk.context);
    }
    const [email] = await db.select().from(outbox).where(eq(outbox.recipient, user.email));
    expect(email?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const mail = (await mailboxFor(user.email)).first();
    const href = await mail.getByRole('link').filter({ hasText: '/en/unsubscribe?token=' }).first().getAttribute('href');
    expect(href).toBeTruthy();
    const url = new URL(href ?? '');

    const tampered = new URL(url);
    tampered.searchParams.set('token', (url.searchParams.get('token') ?? '').replace('.tasks.', '.messages.'));
    await page.goto(tampered.pathname + tampered.search);
    await page.getByRole('alert').filter({ hasText: 'The link is invalid or has expired. Nothing was changed.' }).waitFor();
    await expect(page.getByRole('button', { name: 'Turn off email notifications' }).count()).resolves.toBe(0);

    // Opening the link changes nothing (mail scanners open links); the button does.
    await page.goto(url.pathname + url.search);
    expect(await settingsOf(user.id)).toEqual({ tasks: true, messages: true });
    await page.getByRole('button', { name: 'Turn off email notifications' }).click();
    await page.getByRole('status').filter({ hasText: 'You will no longer receive emails about Tasks.' }).waitFor();
    expect(await settingsOf(user.id)).toEqual({ tasks: false, messages: true });

    // The List-Unsubscribe header's one-click POST, as a mail client sends it.
    const header = /^<(.+)>$/.exec(email?.headers?.['List-Unsubscribe'] ?? '')?.[1] ?? '';
    await db.update(users).set({ notifyTasks: true }).where(eq(users.id, user.id));
    const oneClick = await page.request.post(new URL(header).pathname + new URL(header).search, {
      form: { 'List-Unsubscribe': 'One-Click' },
    });
    expect(oneClick.status()).toBe(200);
    expect(await settingsOf(user.id)).toEqual({ tasks: false, messages: true });
    const bad = await page.request.post(`/api/notifications/unsubscribe?token=${encodeURIComponent('x.tasks.1.y')}`, {
      form: { 'List-Unsubscribe': 'One-Click' },
    });
    expect(bad.status()).toBe(404);
  });
});
