import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { CASE_HISTORY_EVENT_TYPES } from '@/lib/cases/history-activities';
import { listCaseHistory } from '@/lib/cases/queries';
import { listDebtorThread } from '@/lib/debtor-actions/queries';
import { listCaseThread } from '@/lib/desk/queries';
import { postDebtorMessage, replyToDebtor, shareDebtorMessage } from '@/lib/messages/mutations';
import { postMessageSchema, shareDebtorMessageSchema } from '@/lib/messages/schemas';
import { makeCase } from '@/tests/helpers/case-factories';
import { makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeCompany } from '@/tests/helpers/factories';

describe('the desk answers the debtor and shares the debtor’s messages', () => {
  it('a reply shows in Min side and on the desk, never in the creditor’s history; sharing is per case', async () => {
    const company = await makeCompany(db);
    const debtCase = await makeCase(db, { companyId: company.id });
    const staff = await makeStaff(db);
    const asked = await db.transaction((tx) =>
      postDebtorMessage(
        tx,
        { companyId: company.id, caseId: debtCase.id },
        { caseId: debtCase.id, body: 'Når forfaller kravet?' },
        new Date('2026-12-01T10:00:00Z'),
      ),
    );
    const reply = postMessageSchema.parse({ caseId: debtCase.id, body: '  Fristen står i brevet av 1. desember.  ' });
    const replied = await db.transaction((tx) => replyToDebtor(tx, staff, reply, new Date('2026-12-01T11:00:00Z')));

    const minSide = await listDebtorThread(company.id, debtCase.id);
    expect(minSide.map((message) => [message.fromDebtor, message.body])).toEqual([
      [true, 'Når forfaller kravet?'],
      [false, 'Fristen står i brevet av 1. desember.'],
    ]);
    const desk = await listCaseThread(company.id, debtCase.id);
    expect(desk.find((message) => message.id === replied.messageId)).toMatchObject({
      fromAgency: true,
      toDebtor: true,
      sharedWithCreditor: false,
    });
    const history = await listCaseHistory(company.id, debtCase.id, CASE_HISTORY_EVENT_TYPES);
    expect(history.some((entry) => entry.data.messageId === replied.messageId || entry.data.messageId === asked.messageId)).toBe(false);

    // The share button names its case: another case's id shares nothing.
    const otherCase = await makeCase(db, { companyId: company.id });
    await expect(
      db.transaction((tx) => shareDebtorMessage(tx, staff, { caseId: otherCase.id, messageId: asked.messageId })),
    ).rejects.toThrow('debtorActions.messages.errors.notShareable');
    // The agency's own reply is not a debtor's message to share.
    await expect(
      db.transaction((tx) => shareDebtorMessage(tx, staff, { caseId: debtCase.id, messageId: replied.messageId })),
    ).rejects.toThrow('debtorActions.messages.errors.notShareable');
    await db.transaction((tx) =>
      shareDebtorMessage(tx, staff, shareDebtorMessageSchema.parse({ caseId: debtCase.id, messageId: asked.messageId })),
    );
    const after = await listCaseHistory(company.id, debtCase.id, CASE_HISTORY_EVENT_TYPES);
    expect(after.filter((entry) => entry.data.messageId === asked.messageId).map((entry) => entry.type)).toEqual(['message.received']);
    expect(after.some((entry) => entry.data.messageId === replied.messageId)).toBe(false);
  });

  it('refuses a reply without text or an id that is not one', () => {
    expect(postMessageSchema.safeParse({ caseId: crypto.randomUUID(), body: '   ' }).error?.issues[0]?.message).toBe('validation.required');
    expect(shareDebtorMessageSchema.safeParse({ caseId: crypto.randomUUID(), messageId: 'x' }).error?.issues[0]?.message).toBe(
      'cases.errors.reloadForm',
    );
  });
});
