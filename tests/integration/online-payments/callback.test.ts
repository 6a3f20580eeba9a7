import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { cases, debtorPayments, onlinePayments } from '@/db/schema';
import { handleVippsCallback } from '@/lib/online-payments/callback';
import { startOnlinePayment } from '@/lib/online-payments/mutations';
import type { PaymentProvider } from '@/lib/online-payments/provider';
import { signCallback } from '@/lib/online-payments/signature';
import { balanceAndLedger, caseEvents, makeCase } from '@/tests/helpers/case-factories';
import { makeCompany } from '@/tests/helpers/factories';

const SECRET = 'vipps-webhook-secret-for-tests-0123';
const PATH = '/api/payments/vipps';
const HOST = 'portal.example.no';

/** A stand-in for Vipps' capture endpoint (beyond the network): records what we asked. */
function fakeVipps(options: { failCapture?: boolean } = {}) {
  const captured: string[] = [];
  const provider: PaymentProvider = {
    name: 'vipps',
    createPayment: async () => ({ redirectUrl: 'https://apitest.vipps.no/x' }),
    capture: async ({ reference, idempotencyKey }) => {
      if (options.failCapture) throw new Error('capture down');
      captured.push(`${reference}|${idempotencyKey}`);
    },
  };
  return { provider, captured };
}

function signed(body: unknown, now: Date, secret = SECRET) {
  const text = JSON.stringify(body);
  const headers = signCallback(secret, { method: 'POST', pathAndQuery: PATH, host: HOST, date: now.toUTCString(), body: text });
  return {
    method: 'POST',
    pathAndQuery: PATH,
    host: HOST,
    date: headers['x-ms-date'],
    contentSha256: headers['x-ms-content-sha256'],
    authorization: headers.authorization,
    body: text,
  };
}

async function pendingPayment(amountOre = 40_000) {
  const company = await makeCompany(db);
  const debtCase = await makeCase(db, { companyId: company.id, stage: 'notice', invoiceAmountsOre: [100_000], feeOre: 0 });
  const started = await db.transaction((tx) =>
    startOnlinePayment(tx, { companyId: company.id, caseId: debtCase.id }, { amountOre, idempotencyKey: crypto.randomUUID() }, 'vipps'),
  );
  return { company, debtCase, started };
}

const event = (reference: string, name: string, value = 40_000) => ({
  msn: '123456',
  reference,
  pspReference: 'psp-1',
  name,
  amount: { currency: 'NOK', value },
  timestamp: new Date().toISOString(),
  success: true,
});

async function bookedFor(reference: string) {
  return db
    .select()
    .from(debtorPayments)
    .where(eq(debtorPayments.bankReference, `vipps:${reference}`));
}

describe('the Vipps MobilePay webhook', () => {
  it('captures an authorised payment and books it once as a debtor payment, shown in the case history', async () => {
    const { company, debtCase, started } = await pendingPayment();
    const vipps = fakeVipps();
    const now = new Date();
    const answer = await handleVippsCallback(
      db,
      signed(event(started.reference, 'AUTHORIZED'), now),
      { secret: SECRET, provider: vipps.provider },
      now,
    );
    expect(answer).toEqual({ status: 200, result: 'booked' });
    expect(vipps.captured).toEqual([`${started.reference}|capture-${started.reference}`]);
    const booked = await bookedFor(started.reference);
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({ status: 'allocated', caseId: debtCase.id, amountOre: 40_000, source: 'online' });
    expect(await balanceAndLedger(db, debtCase.id)).toEqual({ balanceOre: 60_000, ledgerOre: 60_000 });
    expect((await caseEvents(db, company.id, debtCase.id)).map((e) => e.type)).toContain('payment.registered');
    const [payment] = await db.select().from(onlinePayments).where(eq(onlinePayments.id, started.id));
    expect(payment?.status).toBe('approved');
  });

  it('refuses a bad signature, a changed body, another secret and an old date, and books nothing', async () => {
    const { debtCase, started } = await pendingPayment();
    const vipps = fakeVipps();
    const now = new Date();
    const good = signed(event(started.reference, 'AUTHORIZED'), now);
    const tampered = { ...good, body: JSON.stringify(event(started.reference, 'AUTHORIZED', 1)) };
    const forged = signed(event(started.reference, 'AUTHORIZED'), now, 'another-secret-of-an-attacker-xx');
    const badHeader = { ...good, authorization: good.authorization.replace(/Signature=.{4}/, 'Signature=AAAA') };
    const old = signed(event(started.reference, 'AUTHORIZED'), new Date(now.getTime() - 10 * 60 * 1000));
    for (const request of [tampered, forged, badHeader, old, { ...good, authorization: '' }]) {
      expect(await handleVippsCallback(db, request, { secret: SECRET, provider: vipps.provider }, now)).toEqual({
        status: 401,
        result: 'badSignature',
      });
    }
    expect(vipps.captured).toEqual([]);
    expect(await bookedFor(started.reference)).toHaveLength(0);
    expect(await balanceAndLedger(db, debtCase.id)).toEqual({ balanceOre: 100_000, ledgerOre: 100_000 });
  });

  it('a replayed callback, a duplicate in parallel and the later CAPTURED event book nothing more', async () => {
    const { debtCase, started } = await pendingPayment();
    const vipps = fakeVipps();
    const now = new Date();
    const request = signed(event(started.reference, 'AUTHORIZED'), now);
    const results = await Promise.all(
      [1, 2, 3].map(() => handleVippsCallback(db, request, { secret: SECRET, provider: vipps.provider }, now)),
    );
    expect(results.map((r) => r.result).sort()).toEqual(['booked', 'replay', 'replay']);
    const captured = await handleVippsCallback(
      db,
      signed(event(started.reference, 'CAPTURED'), now),
      { secret: SECRET, provider: vipps.provider },
      now,
    );
    expect(captured).toEqual({ status: 200, result: 'alreadyDecided' });
    expect(await bookedFor(started.reference)).toHaveLength(1);
    expect(await balanceAndLedger(db, debtCase.id)).toEqual({ balanceOre: 60_000, ledgerOre: 60_000 });
  });

  it('a declined or expired payment books nothing, and a later approval of it is not booked', async () => {
    const vipps = fakeVipps();
    const now = new Date();
    for (const name of ['ABORTED', 'EXPIRED']) {
      const { debtCase, started } = await pendingPayment();
      expect(
        (await handleVippsCallback(db, signed(event(started.reference, name), now), { secret: SECRET, provider: vipps.provider }, now))
          .status,
      ).toBe(200);
      const late = await handleVippsCallback(
        db,
        signed(event(started.reference, 'AUTHORIZED'), now),
        { secret: SECRET, provider: vipps.provider },
        now,
      );
      expect(late.result).toBe('alreadyDecided');
      const [payment] = await db.select().from(onlinePayments).where(eq(onlinePayments.id, started.id));
      expect(payment?.status).toBe(name === 'ABORTED' ? 'declined' : 'abandoned');
      expect(await bookedFor(started.reference)).toHaveLength(0);
      expect(await balanceAndLedger(db, debtCase.id)).toEqual({ balanceOre: 100_000, ledgerOre: 100_000 });
    }
  });

  it('a failed capture answers 502 and records nothing, so the provider’s retry books it', async () => {
    const { started } = await pendingPayment();
    const now = new Date();
    const request = signed(event(started.reference, 'AUTHORIZED'), now);
    expect(await handleVippsCallback(db, request, { secret: SECRET, provider: fakeVipps({ failCapture: true }).provider }, now)).toEqual({
      status: 502,
      result: 'ignored',
    });
    expect(await bookedFor(started.reference)).toHaveLength(0);
    expect((await handleVippsCallback(db, request, { secret: SECRET, provider: fakeVipps().provider }, now)).result).toBe('booked');
  });

  it('an approval for another amount, an unknown reference and a malformed body are refused with 4xx', async () => {
    const { started } = await pendingPayment();
    const vipps = fakeVipps();
    const now = new Date();
    expect(
      await handleVippsCallback(
        db,
        signed(event(started.reference, 'CAPTURED', 39_999), now),
        { secret: SECRET, provider: vipps.provider },
        now,
      ),
    ).toEqual({ status: 409, result: 'amountMismatch' });
    expect(
      (await handleVippsCallback(db, signed(event('case-1-unknown', 'CAPTURED'), now), { secret: SECRET, provider: vipps.provider }, now))
        .status,
    ).toBe(404);
    expect((await handleVippsCallback(db, signed({ hello: 'world' }, now), { secret: SECRET, provider: vipps.provider }, now)).status).toBe(
      400,
    );
    expect(await bookedFor(started.reference)).toHaveLength(0);
  });

  it('the same form submitted twice starts one payment; a payment above what is owed is refused', async () => {
    const company = await makeCompany(db);
    const debtCase = await makeCase(db, { companyId: company.id, stage: 'notice', invoiceAmountsOre: [100_000], feeOre: 0 });
    const scope = { companyId: company.id, caseId: debtCase.id };
    const key = crypto.randomUUID();
    const [first, second] = await Promise.all(
      [1, 2].map(() => db.transaction((tx) => startOnlinePayment(tx, scope, { amountOre: 100_000, idempotencyKey: key }, 'local'))),
    );
    expect(first?.reference).toBe(second?.reference);
    expect([first?.fresh, second?.fresh].sort()).toEqual([false, true]);
    await expect(
      db.transaction((tx) => startOnlinePayment(tx, scope, { amountOre: 100_001, idempotencyKey: crypto.randomUUID() }, 'local')),
    ).rejects.toThrow('debtorActions.pay.errors.moreThanOwed');
    const [row] = await db.select({ balanceOre: cases.balanceOre }).from(cases).where(eq(cases.id, debtCase.id));
    expect(row?.balanceOre).toBe(100_000);
  });
});
