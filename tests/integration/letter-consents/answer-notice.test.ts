import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { debtors, outbox } from '@/db/schema';
import { consentSubjectOf, grantConsent } from '@/lib/letter-consents/mutations';
import { replyToDebtor } from '@/lib/messages/mutations';
import { fileObjection } from '@/lib/objections/mutations';
import { answerTask, createTask } from '@/lib/tasks/mutations';
import { makeCase, makeCompanyActor } from '@/tests/helpers/case-factories';
import { makeStaff } from '@/tests/helpers/debtor-payment-factories';

const ANSWER = 'Vi har funnet innbetalingen 3. mars og trekker kravet.';

/** A creditor (Skrive), and a case of theirs whose debtor is a person with a fresh identity number. */
async function arrange() {
  const { actor, company } = await makeCompanyActor(db, 'write');
  const debtCase = await makeCase(db, { companyId: company.id, stage: 'notice' });
  const nationalId = `0101${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  await db.update(debtors).set({ nationalId }).where(eq(debtors.id, debtCase.debtor.id));
  const scope = { companyId: company.id, caseId: debtCase.id };
  return { actor: { ...actor, caseId: debtCase.id }, company, debtCase, nationalId, scope };
}

async function consent(nationalId: string, channel: 'email' | 'sms', address: string, locale: 'nb' | 'en') {
  await db.transaction((tx) => grantConsent(tx, consentSubjectOf({ kind: 'person', nationalId }), { channel, address, locale }));
}

async function objectAndAnswer(fixture: Awaited<ReturnType<typeof arrange>>) {
  const filed = await db.transaction((tx) =>
    fileObjection(tx, fixture.scope, { caseId: fixture.debtCase.id, reason: 'wrong_amount', body: 'Beløpet stemmer ikke.' }, []),
  );
  return db.transaction((tx) => answerTask(tx, fixture.actor, { caseId: fixture.debtCase.id, taskId: filed.taskId, answer: ANSWER }));
}

const noticesTo = (recipient: string) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, recipient), eq(outbox.template, 'debtor_notice')));

describe('the debtor hears that an answer waits in Min side', () => {
  it('the creditor answers the objection: one email in the consent’s language with the link, and nothing of the case', async () => {
    const fixture = await arrange();
    const email = `kari-${fixture.nationalId}@example.com`;
    await consent(fixture.nationalId, 'email', email, 'nb');
    const change = await objectAndAnswer(fixture);
    const notices = await noticesTo(email);
    expect(notices).toHaveLength(1);
    const [notice] = notices;
    expect(change.outboxIds).toEqual([notice?.id]);
    expect(notice).toMatchObject({ channel: 'email', locale: 'nb', status: 'pending', subject: 'Du har fått svar i Min side' });
    expect(notice?.bodyText).toContain(`/nb/min-side/cases/${fixture.debtCase.id}/object`);
    // No personal data beyond the link: not the answer, the case number, the creditor or the debtor's name.
    for (const text of [notice?.bodyText ?? '', notice?.bodyHtml ?? '', notice?.subject ?? '']) {
      expect(text).not.toContain('innbetalingen');
      expect(text).not.toContain(String(fixture.debtCase.caseNumber));
      expect(text).not.toContain(fixture.company.name);
      expect(text).not.toContain(fixture.debtCase.debtor.name);
    }
  });

  it('the desk replies to the debtor’s message: an SMS in English with the messages page’s link', async () => {
    const fixture = await arrange();
    const phone = `+479${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    await consent(fixture.nationalId, 'sms', phone, 'en');
    const staff = await makeStaff(db);
    const posted = await db.transaction((tx) => replyToDebtor(tx, staff, { caseId: fixture.debtCase.id, body: 'Fristen står i brevet.' }));
    const notices = await noticesTo(phone);
    expect(notices.map((row) => row.id)).toEqual(posted.outboxIds);
    expect(notices[0]).toMatchObject({ channel: 'sms', locale: 'en' });
    expect(notices[0]?.bodyText).toMatch(
      new RegExp(`^You have an answer in Min side\\. https?://[^ /]+/en/min-side/cases/${fixture.debtCase.id}/messages$`),
    );
    expect(notices[0]?.bodyText).not.toContain('Fristen');
  });

  it('no consent to electronic contact, or an answered task that is no objection: no notice', async () => {
    const countNotices = async () => (await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.template, 'debtor_notice'))).length;
    const before = await countNotices();
    const silent = await arrange();
    expect((await objectAndAnswer(silent)).outboxIds).toEqual([]);
    const staff = await makeStaff(db);
    const reply = { caseId: silent.debtCase.id, body: 'Svar uten varsel.' };
    expect((await db.transaction((tx) => replyToDebtor(tx, staff, reply))).outboxIds).toEqual([]);

    // A debtor who consented, but the creditor answers the desk's own task: that answer is not the debtor's.
    const consenting = await arrange();
    await consent(consenting.nationalId, 'email', `ola-${consenting.nationalId}@example.com`, 'nb');
    const input = { caseId: consenting.debtCase.id, title: 'Bekreft kravet', body: 'Stemmer beløpet?', dueOn: null, assignee: null };
    const task = await db.transaction((tx) => createTask(tx, staff, input));
    const answered = await db.transaction((tx) =>
      answerTask(tx, consenting.actor, { caseId: consenting.debtCase.id, taskId: task.taskId, answer: 'Ja.' }),
    );
    expect(answered.outboxIds).toEqual([]);
    expect(await countNotices()).toBe(before);
  });
});
