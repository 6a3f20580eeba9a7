import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { messages } from '@/db/schema';
import { openBrowser } from '@/tests/helpers/browser';
import { visibleText } from '@/tests/helpers/case-page';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { makeCompanyWithCase, makeStaff } from '@/tests/helpers/desk-factories';
import { openDeskCase, signInStaff, type Locale } from '@/tests/helpers/desk-ui';

const { db, page } = browserSuite();

const TEXT = {
  nb: {
    share: 'Del med oppdragsgiver',
    shared: 'Meldingen er delt med oppdragsgiver.',
    sharedLabel: 'Min side, delt med kreditor',
    reply: 'Svar skyldneren',
    label: 'Svar til skyldneren (vises i Min side)',
    send: 'Send til skyldneren',
    sent: 'Svaret er sendt til skyldneren.',
  },
  en: {
    share: 'Share with the creditor',
    shared: 'The message has been shared with the creditor.',
    sharedLabel: 'My page, shared with the creditor',
    reply: 'Reply to the debtor',
    label: 'Reply to the debtor (shown on My page)',
    send: 'Send to the debtor',
    sent: 'The reply has been sent to the debtor.',
  },
};

/** A staff member, and a case with a debtor's message from Min side not yet shared. */
async function caseWithDebtorMessage(locale: Locale) {
  const { user } = await makeStaff(db, locale);
  const { debtCase } = await makeCompanyWithCase(db, ['write'], locale);
  const [asked] = await db
    .insert(messages)
    .values({
      companyId: debtCase.companyId,
      caseId: debtCase.id,
      authorUserId: null,
      fromAgency: false,
      fromDebtor: true,
      sharedWithCreditor: false,
      body: `Spørsmål fra skyldner ${locale}`,
    })
    .returning({ id: messages.id });
  if (!asked) throw new Error('no message');
  return { user, debtCase, asked };
}

/** The status line says `text` and has the focus (a screen reader reads it; the next Tab goes on from there). */
async function expectFocusedStatus(p: Page, text: string) {
  const status = p.getByRole('status').filter({ hasText: text });
  await status.waitFor();
  await expect.poll(() => status.evaluate((element) => element === document.activeElement)).toBe(true);
}

describe.each(['nb', 'en'] as const)('the desk shares a debtor’s message and answers the debtor (%s)', (locale: Locale) => {
  const l = TEXT[locale];

  it('Del med oppdragsgiver marks it shared; Svar skyldneren stores a reply only the debtor’s thread shows', async () => {
    const { user: staffUser, debtCase, asked } = await caseWithDebtorMessage(locale);
    await signInStaff(page, db, staffUser, locale);
    await openDeskCase(page, locale, debtCase.caseNumber);

    await page.getByRole('button', { name: new RegExp(`^${l.share}`) }).click();
    // The message is marked shared and its button is gone: the confirmation takes the button's place and the focus.
    await page.getByText(l.sharedLabel, { exact: false }).waitFor();
    await expectFocusedStatus(page, l.shared);
    const [shared] = await db.select().from(messages).where(eq(messages.id, asked.id));
    expect(shared?.sharedWithCreditor).toBe(true);
    await page.reload();
    expect(await visibleText(page)).toContain(l.sharedLabel);
    await expect(page.getByRole('button', { name: new RegExp(`^${l.share}`) }).count()).resolves.toBe(0);

    const reply = page.getByRole('region', { name: l.reply });
    await reply.getByLabel(l.label).fill(`Svar fra byrået ${locale}`);
    await reply.getByRole('button', { name: l.send }).click();
    await reply.getByRole('status').filter({ hasText: l.sent }).waitFor();
    const [stored] = await db
      .select()
      .from(messages)
      .where(eq(messages.body, `Svar fra byrået ${locale}`));
    expect(stored).toMatchObject({
      caseId: debtCase.id,
      fromAgency: true,
      toDebtor: true,
      sharedWithCreditor: false,
      authorUserId: staffUser.id,
    });
  });

  it('without JavaScript: Del med oppdragsgiver answers with the status, focused, on the page the server sends', async () => {
    const { user, debtCase, asked } = await caseWithDebtorMessage(locale);
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      await signInStaff(plain.page, db, user, locale);
      await openDeskCase(plain.page, locale, debtCase.caseNumber);
      await plain.page.getByRole('button', { name: new RegExp(`^${l.share}`) }).click();
      await expectFocusedStatus(plain.page, l.shared);
      const [shared] = await db.select().from(messages).where(eq(messages.id, asked.id));
      expect(shared?.sharedWithCreditor).toBe(true);
    } finally {
      await plain.context.close();
    }
  });
});
