import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { cases, ledgerEntries } from '@/db/schema';
import { todayInOslo } from '@/lib/dates';
import { DomainError, NotAllowedError } from '@/lib/errors';
import { registerPayment } from '@/lib/payments/mutations';
import type { RegisterPaymentInput } from '@/lib/payments/schemas';
import { balanceAndLedger, caseEvents, makeCase, makeCompanyActor } from '@/tests/helpers/case-factories';

type Actor = Awaited<ReturnType<typeof makeCompanyActor>>['actor'];

function paymentInput(caseId: string, invoiceId: string | undefined, overrides: Partial<RegisterPaymentInput> = {}): RegisterPaymentInput {
  return {
    caseId,
    invoiceId,
    kind: 'payment',
    paidOn: todayInOslo(),
    currency: 'NOK',
    amountOre: 123_450,
    confirmedOverpaymentOre: null,
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

function register(actor: Actor, input: RegisterPaymentInput) {
  return db.transaction((tx) => registerPayment(tx, actor, input));
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).messageKey;
}

async function ledgerOf(caseId: string) {
  return db.select().from(ledgerEntries).where(eq(ledgerEntries.caseId, caseId)).orderBy(ledgerEntries.createdAt);
}

async function expectUnchanged(caseId: string, companyId: string) {
  const rows = await ledgerOf(caseId);
  expect(rows.map((row) => row.kind).sort()).toEqual(['fee', 'principal']);
  expect((await caseEvents(db, companyId, caseId)).map((event) => event.type)).toEqual(['case.registered', 'letter.sent']);
  const { balanceOre, ledgerOre } = await balanceAndLedger(db, caseId);
  expect(balanceOre).toBe(ledgerOre);
}

describe('registerPayment (Endre sak → Registrer betaling)', () => {
  it('books a negative payment row, updates the cached balance, records payment.registered', async () => {
    const { company, actor } = await makeCompanyActor(db, 'write');
    const debtCase = await makeCase(db, { companyId: company.id });
    const invoice = debtCase.invoices[0];
    const result = await register(actor, paymentInput(debtCase.id, invoice?.id, { amountOre: 123_450 }));
    expect(result).toEqual({ outcome: 'registered', caseClosed: false, balanceOre: 1_003_500 - 123_450 });

    const payment = (await ledgerOf(debtCase.id)).find((row) => row.kind === 'payment');
    expect(payment).toMatchObject({
      companyId: company.id,
      invoiceId: invoice?.id,
      amountOre: -123_450,
      currency: 'NOK',
      bookedOn: todayInOslo(),
      createdByUserId: actor.userId,
    });
    const { balanceOre, ledgerOre } = await balanceAndLedger(db, debtCase.id);
    expect(balanceOre).toBe(ledgerOre);
    expect(balanceOre).toBe(880_050);

    const registered = (await caseEvents(db, company.id, debtCase.id)).filter((event) => event.type === 'payment.registered');
    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatchObject({
      actorUserId: actor.userId,
      data: { amountOre: 123_450, paidOn: todayInOslo(), currency: 'NOK', invoiceNumber: invoice?.invoiceNumber, source: 'creditor' },
    });
    const [row] = await db.select({ status: cases.status }).from(cases).where(eq(cases.id, debtCase.id));
    expect(row?.status).toBe('active');
  });

  it('books a credit note (Kreditering) as a credit_note row with credit_note.registered', async () => {
    const { company, actor } = await makeCompanyActor(db, 'admin');
    const debtCase = await makeCase(db, { companyId: company.id });
    await register(actor, paymentInput(debtCase.id, debtCase.invoices[0]?.id, { kind: 'credit', amountOre: 200_000 }));
    const credit = (await ledgerOf(debtCase.id)).find((row) => row.kind === 'credit_note');
    expect(credit?.amountOre).toBe(-200_000);
    const events = (await caseEvents(db, company.id, debtCase.id)).filter((event) => event.type === 'credit_note.registered');
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toEqual({
      amountOre: 200_000,
      creditedOn: todayInOslo(),
      currency: 'NOK',
      invoiceNumber: debtCase.invoices[0]?.invoiceNumber,
    });
    const { balanceOre, ledgerOre } = await balanceAndLedger(db, debtCase.id);
    expect(balanceOre).toBe(ledgerOre);
    expect(balanceOre).toBe(803_500);
  });

  it('closes a case whose balance reaches 0: status and stage closed, closed_at, case.stage_changed and case.closed', async () => {
    const { company, actor } = await makeCompanyActor(db, 'write');
    const debtCase = await makeCase(db, { companyId: company.id, stage: 'notice', status: 'paused' });
    const result = await register(actor, paymentInput(debtCase.id, debtCase.invoices[0]?.id, { amountOre: 1_003_500 }));
    expect(result).toEqual({ outcome: 'registered', caseClosed: true, balanceOre: 0 });
    const [row] = await db.select().from(cases).where(eq(cases.id, debtCase.id));
    expect(row).toMatchObject({ status: 'closed', stage: 'closed', balanceOre: 0 });
    expect(row?.closedAt).toBeInstanceOf(Date);
    const types = (await caseEvents(db, company.id, debtCase.id)).map((event) => event.type);
    expect(types).toEqual(['case.registered', 'letter.sent', 'payment.registered', 'case.stage_changed', 'case.closed']);
    const closing = (await caseEvents(db, company.id, debtCase.id)).filter(
      (event) => event.type !== 'letter.sent' && event.type !== 'case.registered',
    );
    expect(closing[1]?.data).toEqual({ from: 'notice', to: 'closed' });
    expect(closing[2]?.data).toEqual({ reason: 'paid' });
    // A closed case takes no more payments.
    expect(await refusal(register(actor, paymentInput(debtCase.id, debtCase.invoices[0]?.id, { amountOre: 100 })))).toBe(
      'payments.errors.caseClosed',
    );
  });

  it('refuses more than the outstanding amount unless the overpayment is confirmed; confirmed, it books and closes', async () => {
    const { company, actor } = await makeCompanyActor(db, 'write');
    const debtCase = await makeCase(db, { companyId: company.id });
    const input = paymentInput(debtCase.id, debtCase.invoices[0]?.id, { amountOre: 1_003_501 });
    expect(await refusal(register(actor, input))).toBe('payments.errors.overpayment');
    await expectUnchanged(debtCase.id, company.id);
    // A confirmation for another amount (the user changed the amount after the step) is no confirmation.
    expect(await refusal(register(actor, { ...input, confirmedOverpaymentOre: 1_003_500 }))).toBe('payments.errors.overpayment');
    await expectUnchanged(debtCase.id, company.id);
    const result = await register(actor, { ...input, confirmedOverpaymentOre: 1_003_501 });
    expect(result).toMatchObject({ outcome: 'registered', caseClosed: true, balanceOre: -1 });
    const { balanceOre, ledgerOre } = await balanceAndLedger(db, debtCase.id);
    expect(balanceOre).toBe(ledgerOre);
  });

  it('refuses the same idempotency key with another amount or on another case, instead of calling it a duplicate', async () => {
    const { company, actor } = await makeCompanyActor(db, 'write');
    const debtCase = await makeCase(db, { companyId: company.id });
    const other = await makeCase(db, { companyId: company.id });
    const input = paymentInput(debtCase.id, debtCase.invoices[0]?.id, { amountOre: 50_000 });
    await register(actor, input);
    const before = await balanceAndLedger(db, debtCase.id);
    expect(await refusal(register(actor, { ...input, amountOre: 60_000 }))).toBe('payments.errors.idempotencyMismatch');
    expect(await refusal(register(actor, { ...input, caseId: other.id, invoiceId: other.invoices[0]?.id }))).toBe(
      'payments.errors.idempotencyMismatch',
    );
    expect(await balanceAndLedger(db, debtCase.id)).toEqual(before);
    await expectUnchanged(other.id, company.id);
  });

  it('registers ONE payment for a double submit with the same idempotency key; the second says duplicate', async () => {
    const { company, actor } = await makeCompanyActor(db, 'write');
    const debtCase = await makeCase(db, { companyId: company.id });
    const input = paymentInput(debtCase.id, debtCase.invoices[0]?.id, { amountOre: 50_000 });
    const first = await register(actor, input);
    const second = await register(actor, input);
    expect(first.outcome).toBe('registered');
    expect(second).toEqual({ outcome: 'duplicate', caseClosed: false, balanceOre: 953_500 });
    expect((await ledgerOf(debtCase.id)).filter((row) => row.kind === 'payment')).toHaveLength(1);
    expect((await caseEvents(db, company.id, debtCase.id)).filter((event) => event.type === 'payment.registered')).toHaveLength(1);
    const { balanceOre, ledgerOre } = await balanceAndLedger(db, debtCase.id);
    expect(balanceOre).toBe(ledgerOre);
  });

  it('books once when two tabs submit the same form at the same moment (two connections)', async () => {
    const { company, actor } = await makeCompanyActor(db, 'write');
    const debtCase = await makeCase(db, { companyId: company.id });
    const input = paymentInput(debtCase.id, debtCase.invoices[0]?.id, { amountOre: 70_000 });
    const results = await Promise.all([register(actor, input), register(actor, input), register(actor, input)]);
    expect(results.map((result) => result.outcome).sort()).toEqual(['duplicate', 'duplicate', 'registered']);
    const payments = await db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.companyId, company.id), eq(ledgerEntries.idempotencyKey, input.idempotencyKey)));
    expect(payments).toHaveLength(1);
    expect((await caseEvents(db, company.id, debtCase.id)).filter((event) => event.type === 'payment.registered')).toHaveLength(1);
  });

  it('refuses a Lese (read) member with the not-allowed message and writes nothing', async () => {
    const { company, actor } = await makeCompanyActor(db, 'read');
    const debtCase = await makeCase(db, { companyId: company.id });
    const error = await register(actor, paymentInput(debtCase.id, debtCase.invoices[0]?.id)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotAllowedError);
    expect((error as NotAllowedError).messageKey).toBe('common.errors.notAllowed');
    await expectUnchanged(debtCase.id, company.id);
  });

  it("treats another company's case as not found and writes nothing", async () => {
    const { company } = await makeCompanyActor(db, 'write');
    const debtCase = await makeCase(db, { companyId: company.id });
    const outsider = await makeCompanyActor(db, 'admin');
    expect(await refusal(register(outsider.actor, paymentInput(debtCase.id, debtCase.invoices[0]?.id)))).toBe('cases.errors.notFound');
    await expectUnchanged(debtCase.id, company.id);
  });

  it('refuses payments and credit notes for an AutoCollect company (AutoCollect keeps them in sync)', async () => {
    const { company, actor } = await makeCompanyActor(db, 'admin', { autocollectEnabled: true });
    const debtCase = await makeCase(db, { companyId: company.id });
    for (const kind of ['payment', 'credit'] as const) {
      expect(await refusal(register(actor, paymentInput(debtCase.id, debtCase.invoices[0]?.id, { kind })))).toBe(
        'payments.errors.autocollect',
      );
    }
    await expectUnchanged(debtCase.id, company.id);
  });

  it('refuses an invoice of another case, a date before the invoice date, another currency, and a withdrawn case', async () => {
    const { company, actor } = await makeCompanyActor(db, 'write');
    const debtCase = await makeCase(db, { companyId: company.id, issuedOn: '2025-03-01' });
    const otherCase = await makeCase(db, { companyId: company.id });
    const invoiceId = debtCase.invoices[0]?.id;
    expect(await refusal(register(actor, paymentInput(debtCase.id, otherCase.invoices[0]?.id)))).toBe('payments.errors.invoiceNotFound');
    expect(await refusal(register(actor, paymentInput(debtCase.id, undefined)))).toBe('payments.errors.invoiceRequired');
    expect(await refusal(register(actor, paymentInput(debtCase.id, invoiceId, { paidOn: '2025-02-28' })))).toBe(
      'payments.errors.dateBeforeInvoice',
    );
    expect(await refusal(register(actor, paymentInput(debtCase.id, invoiceId, { currency: 'EUR' })))).toBe('payments.errors.currency');
    await expectUnchanged(debtCase.id, company.id);
    // On the invoice date itself it is accepted.
    await register(actor, paymentInput(debtCase.id, invoiceId, { paidOn: '2025-03-01', amountOre: 100 }));

    const withdrawn = await makeCase(db, { companyId: company.id, status: 'withdrawn' });
    expect(await refusal(register(actor, paymentInput(withdrawn.id, withdrawn.invoices[0]?.id)))).toBe('payments.errors.caseWithdrawn');
    await expectUnchanged(withdrawn.id, company.id);
  });
});
