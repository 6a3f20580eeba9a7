import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { messages } from '@/db/schema';
import { visibleText } from '@/tests/helpers/case-page';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { makeCompanyWithCase, makeStaff } from '@/tests/helpers/desk-factories';
import { openDeskCase, signInStaff, type Locale } from '@/tests/helpers/desk-ui';

const { db, page } = browserSuite();

const TEXT = {
  nb: {
    share: 'Del med oppdragsgiver',
    sharedLabel: 'Min side, delt med kreditor',
    reply: 'Svar skyldneren',
    label: 'Svar til skyldneren (vises i Min side)',
    send: 'Send til skyldneren',
    sent: 'Svaret er sendt til skyldneren.',
  },
  en: {
    share: 'Share with the creditor',
    sharedLabel: 'Min side, shared with the creditor',
    reply: 'Reply to the debtor',
    label: 'Reply to the debtor (shown in Min side)',
    send: 'Send to the debtor',
    sent: 'The reply has been sent to the debtor.',
  },
};

describe.each(['nb', 'en'] as const)('the desk shares a debtor’s message and answers the debtor (%s)', (locale: Locale) => {
  const l = TEXT[locale];

  it('Del med oppdragsgiver marks it shared; Svar skyldneren stores a reply only the debtor’s thread shows', async () => {
    const { user: staffUser } = await makeStaff(db, locale);
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
    await signInStaff(page, db, staffUser, locale);
    await openDeskCase(page, locale, debtCase.caseNumber);

    await page.getByRole('button', { name: new RegExp(`^${l.share}`) }).click();
    // The thread re-renders with the message marked shared (its button gone): that is the confirmation.
    await page.getByText(l.sharedLabel, { exact: false }).waitFor();
    const [shared] = await db.select().from(messages).where(eq(messages.id, asked!.id));
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
});
