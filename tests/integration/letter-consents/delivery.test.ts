import { and, asc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { debtors, letterDeliveries, letters, outbox } from '@/db/schema';
import { listDebtorLetters } from '@/lib/debtors/queries';
import { consentSubjectOf, grantConsent, withdrawConsent } from '@/lib/letter-consents/mutations';
import { plusDays } from '@/lib/engine/rules';
import { runEngine } from '@/lib/engine/run';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';
import { makeCompany } from '@/tests/helpers/factories';

async function runDays(companyId: string, from: string, days: number) {
  for (let day = 0; day < days; day += 1) await runEngine(db, { now: onDay(plusDays(from, day)), companyId });
}

async function deliveriesOf(caseId: string) {
  return db
    .select({ kind: letters.kind, channel: letterDeliveries.channel, consentId: letterDeliveries.consentId, letterId: letters.id })
    .from(letters)
    .leftJoin(letterDeliveries, eq(letterDeliveries.letterId, letters.id))
    .where(eq(letters.caseId, caseId))
    .orderBy(asc(letters.sentOn));
}

async function noticesFor(recipient: string) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, recipient), inArray(outbox.template, ['debtor_notice'])));
}

describe('electronic letters in Min side', () => {
  it('a consenting debtor gets the letter in Min side with a notice; others get paper; withdrawn consent means paper again', async () => {
    const company = await makeCompany(db);
    const nationalId = `0101${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const consenting = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });
    await db.update(debtors).set({ nationalId }).where(eq(debtors.id, consenting.debtorId));
    const paper = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });
    const email = `kari-${nationalId}@example.com`;
    const consentId = await db.transaction((tx) =>
      grantConsent(
        tx,
        consentSubjectOf({ kind: 'person', nationalId }),
        { channel: 'email', address: email, locale: 'en' },
        onDay('2025-03-01'),
      ),
    );

    await runDays(company.id, '2025-03-01', 15);
    const [reminder] = await deliveriesOf(consenting.id);
    expect(reminder).toMatchObject({ kind: 'reminder', channel: 'min_side', consentId });
    const notices = await noticesFor(email);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ channel: 'email', locale: 'en', status: 'pending' });
    expect(notices[0]!.bodyText).toContain(`/en/min-side/cases/${consenting.id}`);
    expect(await deliveriesOf(paper.id)).toEqual([expect.objectContaining({ kind: 'reminder', channel: 'paper', consentId: null })]);

    // Withdrawn: the next letter goes by post and no notice is queued.
    await db.transaction((tx) => withdrawConsent(tx, consentSubjectOf({ kind: 'person', nationalId }), onDay('2025-03-16')));
    await runDays(company.id, '2025-03-16', 15);
    const after = await deliveriesOf(consenting.id);
    expect(after.map((row) => `${row.kind}:${row.channel}`)).toEqual(['reminder:min_side', 'notice:paper']);
    expect(await noticesFor(email)).toHaveLength(1);
    // Min side lists both, newest first, each with how it came.
    expect((await listDebtorLetters(company.id, consenting.id)).map((row) => `${row.kind}:${row.delivery}`)).toEqual([
      'notice:paper',
      'reminder:min_side',
    ]);
  });

  it('a consent given with a letter code covers that case only, by SMS', async () => {
    const company = await makeCompany(db);
    const coded = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });
    const phone = `+479${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    await db.transaction((tx) =>
      grantConsent(
        tx,
        consentSubjectOf({ kind: 'letterCode', caseId: coded.id }),
        { channel: 'sms', address: phone, locale: 'nb' },
        onDay('2025-03-01'),
      ),
    );
    await runDays(company.id, '2025-03-01', 15);
    expect((await deliveriesOf(coded.id)).map((row) => row.channel)).toEqual(['min_side']);
    const [sms] = await noticesFor(phone);
    expect(sms).toMatchObject({ channel: 'sms', locale: 'nb' });
    expect(sms!.bodyText).toContain(`/nb/min-side/cases/${coded.id}`);
  });
});
