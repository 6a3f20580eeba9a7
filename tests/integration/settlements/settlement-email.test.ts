import { and, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { companies, events, outbox, remittanceSlips } from '@/db/schema';
import { updateSettlementEmail } from '@/lib/settlements/email/mutations';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { deliverOutboxEmail } from '@/lib/email/deliver';
import { renderAttachments } from '@/lib/settlements/slips/attachments';
import { NotAllowedError } from '@/lib/errors';
import { runScheduledSettlements } from '@/lib/jobs/settlement';
import { formatOreNumber } from '@/lib/money';
import { registerPayment } from '@/lib/payments/mutations';
import { runSettlement } from '@/lib/settlements/run';
import { makeCase, makeCompanyActor } from '@/tests/helpers/case-factories';
import { fakeEmailSender } from '@/tests/helpers/company-admin';
import { bankReference, makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeUser } from '@/tests/helpers/factories';
import { addDays, todayInOslo } from '@/lib/dates';

const today = todayInOslo();

/** A company (with the given settlement address) and one debtor payment of 2 050 kr on a notice-stage case. */
async function companyWithPayment(settlement: { settlementEmail?: string | null; settlementEmailLocale?: 'nb' | 'en' } = {}) {
  const { company, actor } = await makeCompanyActor(db, 'admin', settlement);
  const staff = await makeStaff(db);
  const notice = await makeCase(db, {
    companyId: company.id,
    stage: 'notice',
    invoiceAmountsOre: [200_000],
    feeOre: 7_000,
    interestOre: 3_000,
  });
  await db.transaction((tx) =>
    receiveDebtorPayment(
      tx,
      staff,
      { paidOn: today, kid: notice.kid, amountOre: 205_000, payer: 'Kari', bankReference: bankReference() },
      'desk',
    ),
  );
  return { company, actor, notice };
}

async function outboxOf(companyId: string) {
  return db.select().from(outbox).where(eq(outbox.companyId, companyId));
}

async function pdfText(content: Buffer) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(content)), { mergePages: true });
  return text;
}

describe('the settlement run mails the slip', () => {
  it('writes exactly one outbox email to the company address, in its language, with a reference to the slip', async () => {
    const { company } = await companyWithPayment({ settlementEmail: 'regnskap@firma.no', settlementEmailLocale: 'en' });
    const result = await db.transaction((tx) => runSettlement(tx, company.id, today));
    expect(result.outcome).toBe('created');
    if (result.outcome !== 'created') return;
    const rows = await outboxOf(company.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: result.outboxId,
      channel: 'email',
      recipient: 'regnskap@firma.no',
      locale: 'en',
      template: 'settlement_report',
      status: 'pending',
      attachments: [{ kind: 'remittanceSlip', slipId: result.slipId }],
    });
    const [slip] = await db.select().from(remittanceSlips).where(eq(remittanceSlips.id, result.slipId));
    expect(rows[0]?.subject).toBe(`Remittance slip ${slip?.slipNumber} for ${company.name}`);
    expect(rows[0]?.bodyText).toContain(`/en/reports/${result.slipId}`);
    // The row holds a reference, not the file.
    expect(JSON.stringify(rows[0]).length).toBeLessThan(8_000);
  });

  it('writes no email when the company has no address', async () => {
    const { company } = await companyWithPayment();
    const result = await db.transaction((tx) => runSettlement(tx, company.id, today));
    expect(result).toMatchObject({ outcome: 'created', outboxId: null });
    expect(await outboxOf(company.id)).toHaveLength(0);
  });

  it('run twice, and by three workers at once: one slip, one email', async () => {
    const { company } = await companyWithPayment({ settlementEmail: 'regnskap@firma.no' });
    const results = await Promise.all([0, 1, 2].map(() => db.transaction((tx) => runSettlement(tx, company.id, today))));
    expect(results.map((r) => r.outcome).sort()).toEqual(['created', 'exists', 'exists']);
    expect((await db.transaction((tx) => runSettlement(tx, company.id, today))).outcome).toBe('exists');
    // The scheduled job for the next day finds nothing new to settle.
    const tomorrow = addDays(todayInOslo(), 1);
    expect((await db.transaction((tx) => runSettlement(tx, company.id, tomorrow))).outcome).toBe('nothing');
    expect(await outboxOf(company.id)).toHaveLength(1);
    expect(await db.select().from(remittanceSlips).where(eq(remittanceSlips.companyId, company.id))).toHaveLength(1);
  });

  it('nothing to settle: no slip and no email, also when only direct payments (no money to pay out) are unsettled', async () => {
    const { company, actor } = await makeCompanyActor(db, 'write', { settlementEmail: 'regnskap@firma.no' });
    expect(await db.transaction((tx) => runSettlement(tx, company.id, today))).toEqual({ outcome: 'nothing' });
    const direct = await makeCase(db, { companyId: company.id });
    await db.transaction((tx) =>
      registerPayment(tx, actor, {
        caseId: direct.id,
        invoiceId: direct.invoices[0]?.id,
        kind: 'payment',
        paidOn: today,
        currency: 'NOK',
        amountOre: 40_000,
        confirmedOverpaymentOre: null,
        idempotencyKey: crypto.randomUUID(),
      }),
    );
    expect(await db.transaction((tx) => runSettlement(tx, company.id, today))).toEqual({ outcome: 'nothing' });
    expect(await db.select().from(remittanceSlips).where(eq(remittanceSlips.companyId, company.id))).toHaveLength(0);
    expect(await outboxOf(company.id)).toHaveLength(0);
  });

  it('the scheduled job mails too (clock moved to the company weekday)', async () => {
    const { company } = await companyWithPayment({ settlementEmail: 'regnskap@firma.no' });
    // Tomorrow in Oslo settles up to today; make tomorrow the company's weekday.
    const noonTomorrow = new Date(`${today}T12:00:00Z`);
    noonTomorrow.setUTCDate(noonTomorrow.getUTCDate() + 1);
    const weekday = noonTomorrow.getUTCDay() === 0 ? 7 : noonTomorrow.getUTCDay();
    await db.update(companies).set({ settlementWeekday: weekday }).where(eq(companies.id, company.id));
    const outcomes = await runScheduledSettlements(db, noonTomorrow);
    expect(outcomes[company.id]).toBe('created');
    await runScheduledSettlements(db, noonTomorrow);
    expect(await outboxOf(company.id)).toHaveLength(1);
  });
});

describe('delivering the slip email', () => {
  for (const locale of ['nb', 'en'] as const) {
    it(`renders the slip PDF at send time in ${locale} and hands it to the sender as an attachment`, async () => {
      const { company, notice } = await companyWithPayment({ settlementEmail: 'regnskap@firma.no', settlementEmailLocale: locale });
      const result = await db.transaction((tx) => runSettlement(tx, company.id, today));
      if (result.outcome !== 'created' || !result.outboxId) throw new Error('expected a slip email');
      const fake = fakeEmailSender();
      expect(await deliverOutboxEmail(db, fake.sender, result.outboxId, { renderAttachments })).toBe('sent');
      expect(await deliverOutboxEmail(db, fake.sender, result.outboxId, { renderAttachments })).toBe('skipped');
      expect(fake.delivered).toHaveLength(1);
      const sent = fake.delivered[0];
      const [slip] = await db.select().from(remittanceSlips).where(eq(remittanceSlips.id, result.slipId));
      expect(sent?.to).toBe('regnskap@firma.no');
      expect(sent?.subject).toBe(
        locale === 'nb'
          ? `Remitteringsbilag ${slip?.slipNumber} for ${company.name}`
          : `Remittance slip ${slip?.slipNumber} for ${company.name}`,
      );
      expect(sent?.attachments).toHaveLength(1);
      const file = sent?.attachments?.[0];
      expect(file?.contentType).toBe('application/pdf');
      expect(file?.filename).toMatch(new RegExp(`^remitteringsbilag-.*-${slip?.slipNumber}\\.pdf$`));
      expect(file?.content.subarray(0, 5).toString()).toBe('%PDF-');
      const text = await pdfText(file!.content);
      expect(text).toContain(locale === 'nb' ? 'Remitteringsbilag' : 'Remittance slip');
      expect(text).toContain(slip!.slipNumber);
      expect(text).toContain(String(notice.caseNumber));
      // Number formatting uses a (narrow) no-break space as the group separator; the PDF text may not.
      const spaces = (value: string) => value.replace(/[\s\u00a0\u202f]/g, ' ');
      expect(spaces(text)).toContain(spaces(formatOreNumber(slip!.netOre, locale)));
      // Sent: the row keeps the reference but no body.
      const [row] = await db.select().from(outbox).where(eq(outbox.id, result.outboxId));
      expect(row).toMatchObject({ status: 'sent', bodyText: '', attachments: [{ kind: 'remittanceSlip', slipId: result.slipId }] });
    });
  }

  it("refuses to attach another company's slip (a reference is read within the row's company)", async () => {
    const { company } = await companyWithPayment({ settlementEmail: 'regnskap@firma.no' });
    const result = await db.transaction((tx) => runSettlement(tx, company.id, today));
    if (result.outcome !== 'created' || !result.outboxId) throw new Error('expected a slip email');
    const { company: other } = await makeCompanyActor(db, 'admin');
    await db.update(outbox).set({ companyId: other.id }).where(eq(outbox.id, result.outboxId));
    const fake = fakeEmailSender();
    await expect(deliverOutboxEmail(db, fake.sender, result.outboxId, { renderAttachments })).rejects.toThrow(/attachment not found/);
    expect(fake.attempts).toHaveLength(0);
  });
});

describe('Innstillinger → Selskap → Oppgjørsrapporter (the mutation behind the action)', () => {
  it('an Administrator sets the address and language, with an event', async () => {
    const { company, actor } = await makeCompanyActor(db, 'admin');
    await db.transaction((tx) => updateSettlementEmail(tx, actor, { settlementEmail: 'regnskap@firma.no', settlementEmailLocale: 'en' }));
    const [row] = await db.select().from(companies).where(eq(companies.id, company.id));
    expect(row).toMatchObject({ settlementEmail: 'regnskap@firma.no', settlementEmailLocale: 'en' });
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.companyId, company.id), eq(events.type, 'company.settlement_email_changed')));
    expect(event).toMatchObject({
      subjectType: 'company',
      subjectId: company.id,
      actorUserId: actor.userId,
      data: { from: null, to: 'regnskap@firma.no', locale: 'en' },
    });
  });

  it('refuses Lese and Skrive, and an admin of another company (re-checked in the transaction); nothing changes', async () => {
    for (const role of ['read', 'write'] as const) {
      const { company, actor } = await makeCompanyActor(db, role);
      await expect(
        db.transaction((tx) => updateSettlementEmail(tx, actor, { settlementEmail: 'x@firma.no', settlementEmailLocale: 'nb' })),
      ).rejects.toBeInstanceOf(NotAllowedError);
      // A forged actor claiming admin: the membership in the database says otherwise.
      await expect(
        db.transaction((tx) =>
          updateSettlementEmail(tx, { ...actor, role: 'admin' }, { settlementEmail: 'x@firma.no', settlementEmailLocale: 'nb' }),
        ),
      ).rejects.toBeInstanceOf(NotAllowedError);
      const [row] = await db.select().from(companies).where(eq(companies.id, company.id));
      expect(row?.settlementEmail).toBeNull();
    }
    const { company } = await makeCompanyActor(db, 'admin');
    const { company: other } = await makeCompanyActor(db, 'admin');
    const otherAdmin = await makeUser(db, { memberships: [{ companyId: other.id, role: 'admin' }] });
    await expect(
      db.transaction((tx) =>
        updateSettlementEmail(
          tx,
          { userId: otherAdmin.id, companyId: company.id, role: 'admin' },
          { settlementEmail: 'x@firma.no', settlementEmailLocale: 'nb' },
        ),
      ),
    ).rejects.toBeInstanceOf(NotAllowedError);
    const [row] = await db.select().from(companies).where(eq(companies.id, company.id));
    expect(row?.settlementEmail).toBeNull();
  });
});
