import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { letterConsents, messages } from '@/db/schema';
import { CASE_HISTORY_EVENT_TYPES } from '@/lib/cases/history-activities';
import { listCaseHistory } from '@/lib/cases/queries';
import { consentSubjectOf, getActiveConsent, grantConsent, withdrawConsent } from '@/lib/letter-consents/mutations';
import { grantConsentSchema } from '@/lib/letter-consents/schemas';
import { postDebtorMessage, shareDebtorMessage } from '@/lib/messages/mutations';
import { makeCase } from '@/tests/helpers/case-factories';
import { makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeCompany } from '@/tests/helpers/factories';

describe('consent to letters in Min side', () => {
  it('records who, what, where and when; a new choice replaces it; withdrawing keeps the record', async () => {
    const subject = consentSubjectOf({ kind: 'person', nationalId: `151086${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}` });
    const first = grantConsentSchema.parse({ channel: 'email', address: 'Kari@Example.com', agree: 'on' });
    const at = new Date('2026-12-01T10:00:00Z');
    await db.transaction((tx) => grantConsent(tx, subject, { ...first, locale: 'nb' }, at));
    expect(await getActiveConsent(db, subject)).toMatchObject({
      channel: 'email',
      address: 'kari@example.com',
      grantedAt: at,
      termsVersion: 'electronic-letters-2026-12',
    });
    const second = grantConsentSchema.parse({ channel: 'sms', address: '912 34 567', agree: 'on' });
    await db.transaction((tx) => grantConsent(tx, subject, { ...second, locale: 'en' }, new Date('2026-12-02T10:00:00Z')));
    expect(await getActiveConsent(db, subject)).toMatchObject({ channel: 'sms', address: '+4791234567' });
    await db.transaction((tx) => withdrawConsent(tx, subject, new Date('2026-12-03T10:00:00Z')));
    expect(await getActiveConsent(db, subject)).toBeNull();
    const rows = await db.select().from(letterConsents).where(eq(letterConsents.subject, subject));
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.withdrawnAt !== null)).toBe(true);
    await expect(db.transaction((tx) => withdrawConsent(tx, subject))).rejects.toThrow('debtorActions.consent.errors.none');
  });

  it('refuses consent without the box ticked, a bad address or a foreign mobile number', () => {
    expect(grantConsentSchema.safeParse({ channel: 'email', address: 'kari@example.com' }).success).toBe(false);
    expect(grantConsentSchema.safeParse({ channel: 'email', address: 'ikke-en-adresse', agree: 'on' }).error?.issues[0]?.message).toBe(
      'debtorActions.consent.errors.email',
    );
    expect(grantConsentSchema.safeParse({ channel: 'sms', address: '+46 70 123 45 67', agree: 'on' }).error?.issues[0]?.message).toBe(
      'debtorActions.consent.errors.phone',
    );
  });
});

describe('the debtor writes to the agency', () => {
  it('the desk has it at once; the creditor’s history shows it only once the agency shares it', async () => {
    const company = await makeCompany(db);
    const debtCase = await makeCase(db, { companyId: company.id });
    const posted = await db.transaction((tx) =>
      postDebtorMessage(
        tx,
        { companyId: company.id, caseId: debtCase.id },
        { caseId: debtCase.id, body: 'Kan jeg få en kopi av fakturaen?' },
      ),
    );
    const [row] = await db.select().from(messages).where(eq(messages.id, posted.messageId));
    expect(row).toMatchObject({ fromDebtor: true, sharedWithCreditor: false, fromAgency: false, authorUserId: null });
    const before = await listCaseHistory(company.id, debtCase.id, CASE_HISTORY_EVENT_TYPES);
    expect(before.some((entry) => entry.data.messageId === posted.messageId)).toBe(false);
    const staff = await makeStaff(db);
    await db.transaction((tx) => shareDebtorMessage(tx, staff, { messageId: posted.messageId }));
    const after = await listCaseHistory(company.id, debtCase.id, CASE_HISTORY_EVENT_TYPES);
    expect(after.some((entry) => entry.type === 'message.received' && entry.data.messageId === posted.messageId)).toBe(true);
    await expect(db.transaction((tx) => shareDebtorMessage(tx, staff, { messageId: posted.messageId }))).rejects.toThrow(
      'debtorActions.messages.errors.notShareable',
    );
    const other = await makeCompany(db);
    await expect(
      db.transaction((tx) => postDebtorMessage(tx, { companyId: other.id, caseId: debtCase.id }, { caseId: debtCase.id, body: 'Hei' })),
    ).rejects.toThrow('cases.errors.notFound');
  });
});
