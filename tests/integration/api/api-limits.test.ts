import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { apiKeys, invoices, ledgerEntries } from '@/db/schema';
import { POST as postCreditNote } from '@/app/api/v1/credit-notes/route';
import { POST as postInvoice } from '@/app/api/v1/invoices/route';
import { POST as postPayment } from '@/app/api/v1/payments/route';
import { GET as getCases } from '@/app/api/v1/cases/route';
import { DomainError } from '@/lib/errors';
import { AUTH_FAILURES_PER_WINDOW } from '@/lib/integrations/api/auth-throttle';
import { createApiKey, MAX_LIVE_KEYS, revokeApiKey } from '@/lib/integrations/keys/mutations';
import { MAX_AMOUNT_ORE } from '@/lib/payments/amount';
import { callApi, invoiceBody, makeApiCompany } from '@/tests/helpers/api-fixtures';
import { makeCase } from '@/tests/helpers/case-factories';

const unknownKey = () => `ac_${randomUUID().slice(0, 8).replace(/-/g, '0')}_${randomUUID().replace(/-/g, '').padEnd(43, 'x')}`;
const from = (address: string) => ({ 'X-Forwarded-For': address });

describe('amounts beyond the portal’s bound (100 000 000 kr)', () => {
  it('are refused by the API with a problem document naming the field, and nothing is booked', async () => {
    const { key, company } = await makeApiCompany(db);
    const debtCase = await makeCase(db, { companyId: company.id });
    const invoiceNumber = debtCase.invoices[0]?.invoiceNumber ?? '';
    const tooMuch = MAX_AMOUNT_ORE + 1;
    const calls = [
      await callApi(postPayment, {
        path: '/api/v1/payments',
        key,
        headers: { 'Idempotency-Key': randomUUID() },
        body: { invoiceNumber, amountOre: tooMuch, paidOn: '2026-11-20' },
      }),
      await callApi(postCreditNote, {
        path: '/api/v1/credit-notes',
        key,
        headers: { 'Idempotency-Key': randomUUID() },
        body: { invoiceNumber, amountOre: tooMuch, creditedOn: '2026-11-20' },
      }),
      await callApi(postInvoice, { path: '/api/v1/invoices', key, body: invoiceBody({ amountOre: tooMuch, invoiceNumber: 'F-HUGE-1' }) }),
    ];
    for (const answer of calls) {
      expect(answer.status).toBe(422);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.stringify(answer.body)).toMatch(/amountOre/);
    }
    const booked = await db
      .select({ id: ledgerEntries.id })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.caseId, debtCase.id), inArray(ledgerEntries.kind, ['payment', 'credit_note'])));
    expect(booked).toEqual([]);
    expect(await db.select().from(invoices).where(eq(invoices.invoiceNumber, 'F-HUGE-1'))).toEqual([]);
  });
});

describe('guessing API keys', () => {
  it('is throttled per address, also in a parallel burst: past the limit even a right key waits; other addresses do not', async () => {
    const { key } = await makeApiCompany(db);
    const burst = await Promise.all(
      Array.from({ length: AUTH_FAILURES_PER_WINDOW + 10 }, () =>
        callApi(getCases, { path: '/api/v1/cases', key: unknownKey(), headers: from('198.51.100.7') }),
      ),
    );
    const statuses = burst.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(AUTH_FAILURES_PER_WINDOW);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
    const refused = burst.find((answer) => answer.status === 429);
    expect(refused?.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);

    // The guesser's address cannot even try the right key now; everyone else goes on as before.
    expect((await callApi(getCases, { path: '/api/v1/cases', key, headers: from('198.51.100.7') })).status).toBe(429);
    expect((await callApi(getCases, { path: '/api/v1/cases', key, headers: from('203.0.113.20') })).status).toBe(200);
  });

  it('counts an IPv6 client per /64, as sign-in does: hopping between addresses in the prefix gains nothing', async () => {
    const { key } = await makeApiCompany(db);
    for (let i = 0; i < AUTH_FAILURES_PER_WINDOW; i++) {
      expect(
        (await callApi(getCases, { path: '/api/v1/cases', key: unknownKey(), headers: from(`2001:db8:7:1::${(i + 1).toString(16)}`) }))
          .status,
      ).toBe(401);
    }
    // Another address in the same /64 (spelled out in full) is the same client; the next /64 is not.
    expect(
      (await callApi(getCases, { path: '/api/v1/cases', key: unknownKey(), headers: from('2001:0db8:0007:0001:abcd:ef01:2345:6789') }))
        .status,
    ).toBe(429);
    expect((await callApi(getCases, { path: '/api/v1/cases', key, headers: from('2001:db8:7:1::ffff') })).status).toBe(429);
    expect((await callApi(getCases, { path: '/api/v1/cases', key, headers: from('2001:db8:7:2::1') })).status).toBe(200);
  });

  it('does not count a right key or a revoked one (a client not updated yet) against its address', async () => {
    const { key, actor, apiKeyId } = await makeApiCompany(db);
    for (let i = 0; i < AUTH_FAILURES_PER_WINDOW + 5; i++)
      expect((await callApi(getCases, { path: '/api/v1/cases', key, headers: from('192.0.2.40') })).status).toBe(200);
    await db.transaction((tx) => revokeApiKey(tx, actor, apiKeyId));
    for (let i = 0; i < AUTH_FAILURES_PER_WINDOW + 5; i++)
      expect((await callApi(getCases, { path: '/api/v1/cases', key, headers: from('192.0.2.40') })).status).toBe(401);
  });
});

describe('API keys per company', () => {
  it('are at most ten live ones, also when created in a parallel burst; a revoked key frees a place', async () => {
    const { actor, company } = await makeApiCompany(db);
    const results = await Promise.allSettled(
      Array.from({ length: 15 }, (_, i) => db.transaction((tx) => createApiKey(tx, actor, `Nøkkel ${i}`))),
    );
    const refusals = results.filter((r) => r.status === 'rejected').map((r) => (r.reason as DomainError).messageKey);
    expect(refusals).toEqual(Array.from({ length: 15 - (MAX_LIVE_KEYS - 1) }, () => 'integrations.errors.tooManyKeys'));
    const live = () =>
      db
        .select({ id: apiKeys.id })
        .from(apiKeys)
        .where(and(eq(apiKeys.companyId, company.id), isNull(apiKeys.revokedAt)));
    expect(await live()).toHaveLength(MAX_LIVE_KEYS);
    await db.transaction((tx) =>
      revokeApiKey(tx, actor, (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ id: string }>).value.id),
    );
    await db.transaction((tx) => createApiKey(tx, actor, 'Ny'));
    expect(await live()).toHaveLength(MAX_LIVE_KEYS);
  });
});
