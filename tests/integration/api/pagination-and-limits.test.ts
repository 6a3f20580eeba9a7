import { describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { cases } from '@/db/schema';
import { seedBulk } from '@/lib/demo/bulk';
import { GET as getCases } from '@/app/api/v1/cases/route';
import { claimRequest } from '@/lib/integrations/api/rate-limit';
import { callApi, makeApiCompany } from '@/tests/helpers/api-fixtures';
import { makeCase } from '@/tests/helpers/case-factories';

// The limit read by the route (env is loaded once, lazily): low here so a burst crosses it.
vi.hoisted(() => {
  process.env.API_RATE_LIMIT_PER_MINUTE = '30';
});

describe('GET /api/v1/cases pagination', () => {
  it('walks 10 000 cases without gaps or duplicates while cases are being added', async () => {
    const { key, company } = await makeApiCompany(db);
    await seedBulk(db, { cases: 10_000, companyId: company.id, eventsPerCase: 1 });
    const before = (await db.select({ caseNumber: cases.caseNumber }).from(cases).where(eq(cases.companyId, company.id))).map(
      (row) => row.caseNumber,
    );
    expect(before).toHaveLength(10_000);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      // Rows added between pages (and one during the request) must neither be skipped over nor shift the walk.
      const [answer] = await Promise.all([
        callApi(getCases, { path: `/api/v1/cases?limit=500${query}`, key }),
        makeCase(db, { companyId: company.id }),
      ]);
      expect(answer.status).toBe(200);
      const body = answer.body as { data: { caseNumber: number }[]; nextCursor: string | null };
      seen.push(...body.data.map((row) => row.caseNumber));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    // Everything there before the walk began is in it, and the walk reached the cases added meanwhile.
    const walked = new Set(seen);
    expect(before.filter((caseNumber) => !walked.has(caseNumber))).toEqual([]);
    expect(seen.length).toBeGreaterThan(10_000);
    expect(pages).toBeGreaterThanOrEqual(20);
  }, 180_000);
});

describe('the per-key rate limit', () => {
  it('lets exactly the limit through a parallel burst, counted in the database, and answers 429 with Retry-After', async () => {
    const { apiKeyId } = await makeApiCompany(db);
    const now = new Date('2026-12-02T10:00:30Z');
    const decisions = await Promise.all(Array.from({ length: 40 }, () => claimRequest(db, apiKeyId, 25, now)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(25);
    const refused = decisions.filter((d) => !d.allowed);
    expect(refused).toHaveLength(15);
    expect(refused[0]).toEqual({ allowed: false, retryAfterSeconds: 30 });
    // The next window starts afresh.
    expect((await claimRequest(db, apiKeyId, 25, new Date('2026-12-02T10:01:00Z'))).allowed).toBe(true);
  });

  it('answers 429 problem+json with Retry-After from the route under a burst', async () => {
    const { key } = await makeApiCompany(db);
    const answers = await Promise.all(Array.from({ length: 100 }, () => callApi(getCases, { path: '/api/v1/cases?limit=1', key })));
    const limited = answers.filter((a) => a.status === 429);
    // 30 pass per window; a burst that straddles a window edge may reach a second window, never a third.
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(30);
    expect(answers.filter((a) => a.status === 200).length).toBeLessThanOrEqual(60);
    expect(limited.length).toBe(100 - answers.filter((a) => a.status === 200).length);
    expect(limited[0]?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited[0]?.headers.get('content-type')).toBe('application/problem+json');
  }, 120_000);
});
