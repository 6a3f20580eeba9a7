import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { cases, events, invoices, ledgerEntries } from '@/db/schema';
import { revokeApiKey } from '@/lib/integrations/keys/mutations';
import { POST as postCreditNote } from '@/app/api/v1/credit-notes/route';
import { POST as postInvoice } from '@/app/api/v1/invoices/route';
import { POST as postPayment } from '@/app/api/v1/payments/route';
import { POST as postPause } from '@/app/api/v1/cases/[caseNumber]/pause/route';
import { POST as postResume } from '@/app/api/v1/cases/[caseNumber]/resume/route';
import { POST as postWithdraw } from '@/app/api/v1/cases/[caseNumber]/withdraw/route';
import { GET as getCase } from '@/app/api/v1/cases/[caseNumber]/route';
import { GET as getCases } from '@/app/api/v1/cases/route';
import { GET as getSettlements } from '@/app/api/v1/settlements/route';
import { callApi, invoiceBody, makeApiCompany } from '@/tests/helpers/api-fixtures';
import { balanceAndLedger, makeCase } from '@/tests/helpers/case-factories';
import { listCaseHistory } from '@/lib/cases/queries';

describe('the API key principal', () => {
  it('answers 401 problem+json for a missing, malformed, unknown and revoked key; 403 when AutoCollect is off', async () => {
    const { key, actor, apiKeyId } = await makeApiCompany(db);
    for (const sent of [null, 'not-a-key', `ac_00000000_${'A'.repeat(43)}`]) {
      const answer = await callApi(getCases, { path: '/api/v1/cases', key: sent });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(answer.body).toMatchObject({ type: '/api/v1/problems/unauthorized', status: 401 });
    }
    expect((await callApi(getCases, { path: '/api/v1/cases', key })).status).toBe(200);
    await db.transaction((tx) => revokeApiKey(tx, actor, apiKeyId));
    expect((await callApi(getCases, { path: '/api/v1/cases', key })).status).toBe(401);

    const off = await makeApiCompany(db);
    const { companies } = await import('@/db/schema');
    await db.update(companies).set({ autocollectEnabled: false }).where(eq(companies.id, off.company.id));
    expect((await callApi(getCases, { path: '/api/v1/cases', key: off.key })).status).toBe(403);
  });

  it('records the last use and the address', async () => {
    const { key, apiKeyId } = await makeApiCompany(db);
    await callApi(getCases, { path: '/api/v1/cases', key, headers: { 'X-Forwarded-For': '203.0.113.9' } });
    const { apiKeys } = await import('@/db/schema');
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, apiKeyId));
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
    expect(row?.lastUsedAddress).toBe('203.0.113.9');
  });
});

describe('POST /api/v1/invoices', () => {
  it('registers a case through the registration job, idempotent on the invoice number, with AutoCollect as the actor', async () => {
    const { key, company } = await makeApiCompany(db);
    const body = invoiceBody({ amountOre: 250_000 });
    const first = await callApi(postInvoice, { path: '/api/v1/invoices', key, body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'active',
      invoiceNumber: body.invoice.invoiceNumber,
      balanceOre: 250_000,
      originalAmountOre: 250_000,
    });
    const again = await Promise.all([1, 2].map(() => callApi(postInvoice, { path: '/api/v1/invoices', key, body })));
    expect(again.map((a) => a.status)).toEqual([200, 200]);
    expect(again.map((a) => a.body?.caseNumber)).toEqual([first.body?.caseNumber, first.body?.caseNumber]);
    const rows = await db
      .select()
      .from(invoices)
      .where(and(eq(invoices.companyId, company.id), eq(invoices.invoiceNumber, body.invoice.invoiceNumber)));
    expect(rows).toHaveLength(1);
    const [created] = await db.select().from(cases).where(eq(cases.companyId, company.id));
    expect(created?.source).toBe('autocollect');
    const history = await listCaseHistory(company.id, created?.id ?? '', ['case.registered']);
    expect(history.map((h) => h.actorName)).toEqual(['AutoCollect (Tripletex)']);
  });

  it('gives one case for parallel first calls with the same invoice number', async () => {
    const { key, company } = await makeApiCompany(db);
    const body = invoiceBody();
    const answers = await Promise.all([1, 2, 3].map(() => callApi(postInvoice, { path: '/api/v1/invoices', key, body })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(await db.select().from(cases).where(eq(cases.companyId, company.id))).toHaveLength(1);
  });

  it('answers validation errors as problem+json with field paths, from the wizard rules too', async () => {
    const { key, company } = await makeApiCompany(db);
    const shape = await callApi(postInvoice, {
      path: '/api/v1/invoices',
      key,
      body: { customer: { kind: 'robot' }, invoice: { amountOre: 'x' } },
    });
    expect(shape.status).toBe(422);
    const paths = (shape.body?.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['customer.kind', 'customer.name', 'invoice.amountOre', 'invoice.invoiceNumber']));
    const body = invoiceBody();
    const rules = await callApi(postInvoice, {
      path: '/api/v1/invoices',
      key,
      body: { ...body, customer: { ...body.customer, nationalId: '15058512345', postcode: '12' } },
    });
    expect(rules.status).toBe(422);
    expect(rules.body?.errors).toEqual(
      expect.arrayContaining([
        { path: 'customer.nationalId', message: expect.any(String) },
        { path: 'customer.postcode', message: expect.any(String) },
      ]),
    );
    const bad = await callApi(postInvoice, { path: '/api/v1/invoices', key, body: '{not json' });
    expect(bad.status).toBe(400);
    expect(await db.select().from(cases).where(eq(cases.companyId, company.id))).toHaveLength(0);
  });
});

describe('POST /api/v1/payments and /credit-notes', () => {
  it('books once per Idempotency-Key: a replay returns the first answer, another body is 409', async () => {
    const { key, company } = await makeApiCompany(db);
    const registered = await callApi(postInvoice, {
      path: '/api/v1/invoices',
      key,
      body: invoiceBody({ invoiceNumber: 'F-1001', amountOre: 100_000 }),
    });
    const caseNumber = registered.body?.caseNumber;
    const idem = randomUUID();
    const payment = { invoiceNumber: 'F-1001', amountOre: 30_000, paidOn: '2026-10-01' };
    const first = await callApi(postPayment, { path: '/api/v1/payments', key, body: payment, headers: { 'Idempotency-Key': idem } });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ caseNumber, status: 'active', balanceOre: 70_000, caseClosed: false });
    const replays = await Promise.all(
      [1, 2].map(() => callApi(postPayment, { path: '/api/v1/payments', key, body: payment, headers: { 'Idempotency-Key': idem } })),
    );
    expect(replays.map((r) => [r.status, r.body])).toEqual([
      [201, first.body],
      [201, first.body],
    ]);
    const conflict = await callApi(postPayment, {
      path: '/api/v1/payments',
      key,
      body: { ...payment, amountOre: 40_000 },
      headers: { 'Idempotency-Key': idem },
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body?.type).toBe('/api/v1/problems/idempotency-key-reused');
    const missing = await callApi(postPayment, { path: '/api/v1/payments', key, body: payment });
    expect(missing.status).toBe(400);

    const credit = await callApi(postCreditNote, {
      path: '/api/v1/credit-notes',
      key,
      body: { invoiceNumber: 'F-1001', amountOre: 70_000, creditedOn: '2026-10-02' },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(credit.status).toBe(201);
    expect(credit.body).toMatchObject({ balanceOre: 0, caseClosed: true, status: 'closed' });
    const [debtCase] = await db.select().from(cases).where(eq(cases.companyId, company.id));
    const ledger = await db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.caseId, debtCase?.id ?? ''));
    expect(ledger.map((row) => [row.kind, row.amountOre]).sort()).toEqual(
      [
        ['credit_note', -70_000],
        ['payment', -30_000],
        ['principal', 100_000],
      ].sort(),
    );
    const balance = await balanceAndLedger(db, debtCase?.id ?? '');
    expect(balance.balanceOre).toBe(balance.ledgerOre);
    const history = await listCaseHistory(company.id, debtCase?.id ?? '', ['payment.registered', 'credit_note.registered']);
    expect(history.map((h) => h.actorName)).toEqual(['AutoCollect (Tripletex)', 'AutoCollect (Tripletex)']);
    const [paymentEvent] = await db
      .select()
      .from(events)
      .where(and(eq(events.caseId, debtCase?.id ?? ''), eq(events.type, 'payment.registered')));
    expect(paymentEvent?.data).toMatchObject({ source: 'autocollect' });
  });

  it('answers 404 for an unknown or another company’s invoice number, 422 with paths for a bad body', async () => {
    const { key } = await makeApiCompany(db);
    const other = await makeApiCompany(db);
    await callApi(postInvoice, { path: '/api/v1/invoices', key: other.key, body: invoiceBody({ invoiceNumber: 'F-OTHER' }) });
    const foreign = await callApi(postPayment, {
      path: '/api/v1/payments',
      key,
      body: { invoiceNumber: 'F-OTHER', amountOre: 100, paidOn: '2026-10-01' },
      headers: { 'Idempotency-Key': 'k-1' },
    });
    expect(foreign.status).toBe(404);
    const invalid = await callApi(postPayment, {
      path: '/api/v1/payments',
      key,
      body: { invoiceNumber: '', amountOre: -5, paidOn: '1.10.2026' },
      headers: { 'Idempotency-Key': 'k-2' },
    });
    expect(invalid.status).toBe(422);
    expect((invalid.body?.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['amountOre', 'invoiceNumber', 'paidOn']);
  });
});

describe('case actions', () => {
  it('pauses, resumes and withdraws with the Behandle rules; a forbidden transition is 409; another company’s case 404', async () => {
    const { key, company } = await makeApiCompany(db);
    const other = await makeApiCompany(db);
    const debtCase = await makeCase(db, { companyId: company.id });
    const params = { caseNumber: String(debtCase.caseNumber) };
    const path = (action: string) => `/api/v1/cases/${debtCase.caseNumber}/${action}`;
    expect((await callApi(postResume, { path: path('resume'), key, body: {}, params })).status).toBe(409);
    const paused = await callApi(postPause, { path: path('pause'), key, body: {}, params, headers: { 'Idempotency-Key': 'p-1' } });
    expect(paused.status).toBe(200);
    expect(paused.body?.status).toBe('paused');
    // A retried pause with its key: the first answer, not a 409.
    expect((await callApi(postPause, { path: path('pause'), key, body: {}, params, headers: { 'Idempotency-Key': 'p-1' } })).status).toBe(
      200,
    );
    expect((await callApi(postResume, { path: path('resume'), key, body: {}, params })).body?.status).toBe('active');
    const noReason = await callApi(postWithdraw, { path: path('withdraw'), key, body: {}, params });
    expect(noReason.status).toBe(422);
    expect((noReason.body?.errors as { path: string }[])[0]?.path).toBe('reason');
    expect((await callApi(postWithdraw, { path: path('withdraw'), key: other.key, body: { reason: 'x' }, params })).status).toBe(404);
    const withdrawn = await callApi(postWithdraw, { path: path('withdraw'), key, body: { reason: 'Betalt i regnskapet' }, params });
    expect(withdrawn.body?.status).toBe('withdrawn');
    const detail = await callApi(getCase, { path: `/api/v1/cases/${debtCase.caseNumber}`, key, params });
    expect(detail.status).toBe(200);
    const history = detail.body?.history as { type: string; actor: string | null }[];
    expect(history.filter((h) => h.actor === 'AutoCollect (Tripletex)').map((h) => h.type)).toEqual([
      'case.paused',
      'case.resumed',
      'case.withdrawn',
    ]);
    expect((await callApi(getCase, { path: `/api/v1/cases/${debtCase.caseNumber}`, key: other.key, params })).status).toBe(404);
    expect((await callApi(getCase, { path: '/api/v1/cases/abc', key, params: { caseNumber: 'abc' } })).status).toBe(404);
  });
});

describe('GET /api/v1/cases and /settlements', () => {
  it('filters by status and updatedSince, rejects a foreign cursor, lists settlements with lines', async () => {
    const { key, company } = await makeApiCompany(db);
    await makeCase(db, { companyId: company.id });
    await makeCase(db, { companyId: company.id, status: 'paused' });
    const paused = await callApi(getCases, { path: '/api/v1/cases?status=paused', key });
    expect((paused.body?.data as unknown[]).length).toBe(1);
    const future = await callApi(getCases, {
      path: `/api/v1/cases?updatedSince=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
      key,
    });
    expect(future.body?.data).toEqual([]);
    const badCursor = await callApi(getCases, { path: '/api/v1/cases?cursor=zzz', key });
    expect(badCursor.status).toBe(422);
    const badStatus = await callApi(getCases, { path: '/api/v1/cases?status=open', key });
    expect((badStatus.body?.errors as { path: string }[])[0]?.path).toBe('status');
    const settlements = await callApi(getSettlements, { path: '/api/v1/settlements?since=2020-01-01', key });
    expect(settlements.status).toBe(200);
    expect(settlements.body?.data).toEqual([]);
  });
});

describe('the AutoCollect switch and key events', () => {
  it('needs a live key to switch on; on turns manual registration off, off restores it; every key action is an event', async () => {
    const { setAutocollect, createApiKey, revokeApiKey: revoke } = await import('@/lib/integrations/keys/mutations');
    const { assertManualInvoicesAllowed } = await import('@/lib/invoices/conflicts');
    const { makeCompanyActor } = await import('@/tests/helpers/case-factories');
    const { company, actor } = await makeCompanyActor(db, 'admin');
    await expect(db.transaction((tx) => setAutocollect(tx, actor, true))).rejects.toThrow('integrations.errors.keyNeeded');
    const created = await db.transaction((tx) => createApiKey(tx, actor, 'Visma'));
    await db.transaction((tx) => setAutocollect(tx, actor, true));
    await expect(assertManualInvoicesAllowed(db, company.id)).rejects.toThrow('invoices.errors.autocollect');
    await db.transaction((tx) => setAutocollect(tx, actor, false));
    await expect(assertManualInvoicesAllowed(db, company.id)).resolves.toBeUndefined();
    await db.transaction((tx) => revoke(tx, actor, created.id));
    await expect(db.transaction((tx) => revoke(tx, actor, created.id))).rejects.toThrow('integrations.errors.keyNotFound');
    const { read } = { read: (await makeCompanyActor(db, 'write')).actor };
    await expect(db.transaction((tx) => createApiKey(tx, { ...read, companyId: company.id }, 'x'))).rejects.toThrow(
      'common.errors.notAllowed',
    );
    const rows = await db.select({ type: events.type, data: events.data }).from(events).where(eq(events.companyId, company.id));
    expect(rows.map((r) => r.type).sort()).toEqual([
      'api_key.created',
      'api_key.revoked',
      'company.autocollect_changed',
      'company.autocollect_changed',
    ]);
    expect(JSON.stringify(rows)).not.toContain(created.key);
  });
});
