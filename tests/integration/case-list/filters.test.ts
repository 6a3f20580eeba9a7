import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { countCases, listCases } from '@/lib/case-list/queries';
import { parseCaseListParams, type RawSearchParams } from '@/lib/case-list/schemas';
import { makeListedCase } from '@/tests/helpers/case-list-fixtures';
import { makeCompany } from '@/tests/helpers/factories';

let companyId: string;
const made: Record<string, Awaited<ReturnType<typeof makeListedCase>>> = {};

async function numbers(query: RawSearchParams) {
  const { params } = parseCaseListParams(query);
  return (await listCases([companyId], params)).rows.map((row) => row.caseNumber);
}

beforeAll(async () => {
  companyId = (await makeCompany(db)).id;
  // Oslo is UTC+1 in winter: 23:30 UTC on 1 March is 00:30 on 2 March in Oslo.
  made.active = await makeListedCase(db, {
    companyId,
    status: 'active',
    registeredAt: new Date('2026-03-01T23:30:00Z'),
    originalAmountOre: 50_000,
  });
  made.paused = await makeListedCase(db, {
    companyId,
    status: 'paused',
    registeredAt: new Date('2026-02-28T23:00:00Z'),
    originalAmountOre: 900_000,
  });
  made.withdrawn = await makeListedCase(db, {
    companyId,
    status: 'withdrawn',
    registeredAt: new Date('2026-02-28T22:59:59Z'),
    originalAmountOre: 10_000,
  });
  made.closed = await makeListedCase(db, {
    companyId,
    status: 'closed',
    registeredAt: new Date('2026-01-15T12:00:00Z'),
    originalAmountOre: 400_000,
    balanceOre: 0,
  });
  made.late = await makeListedCase(db, {
    companyId,
    status: 'active',
    registeredAt: new Date('2026-04-10T08:00:00Z'),
    originalAmountOre: 400_000,
  });
});

describe('status filter', () => {
  it('shows each status on its own, and all of them under Alle', async () => {
    expect(await numbers({ status: 'active' })).toEqual([made.late?.caseNumber, made.active?.caseNumber]);
    expect(await numbers({ status: 'paused' })).toEqual([made.paused?.caseNumber]);
    expect(await numbers({ status: 'withdrawn' })).toEqual([made.withdrawn?.caseNumber]);
    expect(await numbers({ status: 'closed' })).toEqual([made.closed?.caseNumber]);
    expect(await numbers({ status: 'all' })).toHaveLength(5);
    expect(await numbers({})).toHaveLength(5);
  });
});

describe('registration-date filter', () => {
  it('compares calendar days in Oslo, including both ends', async () => {
    expect(await numbers({ from: '2026-03-02', to: '2026-03-02' })).toEqual([made.active?.caseNumber]);
    expect(await numbers({ from: '2026-03-01', to: '2026-03-01' })).toEqual([made.paused?.caseNumber]);
    expect(await numbers({ to: '2026-02-28' })).toEqual([made.withdrawn?.caseNumber, made.closed?.caseNumber]);
    expect(await numbers({ from: '2026-03-01' })).toEqual([made.late?.caseNumber, made.active?.caseNumber, made.paused?.caseNumber]);
  });

  it('combines with the status filter and the count', async () => {
    const { params } = parseCaseListParams({ status: 'active', from: '2026-03-01', to: '2026-03-31' });
    expect((await listCases([companyId], params)).rows.map((row) => row.caseNumber)).toEqual([made.active?.caseNumber]);
    expect(await countCases([companyId], params)).toBe(1);
  });
});

describe('sorting', () => {
  it('sorts by registration date, amount and case number, both ways', async () => {
    const byDate = [made.late, made.active, made.paused, made.withdrawn, made.closed].map((c) => c?.caseNumber);
    expect(await numbers({ sort: 'registered-desc' })).toEqual(byDate);
    expect(await numbers({ sort: 'registered-asc' })).toEqual([...byDate].reverse());
    const byNumber = Object.values(made)
      .map((c) => c.caseNumber)
      .sort((a, b) => a - b);
    expect(await numbers({ sort: 'number-asc' })).toEqual(byNumber);
    expect(await numbers({ sort: 'number-desc' })).toEqual([...byNumber].reverse());
    const amountDesc = await numbers({ sort: 'amount-desc' });
    expect(amountDesc[0]).toBe(made.paused?.caseNumber);
    expect(amountDesc.slice(1, 3).sort()).toEqual([made.closed?.caseNumber, made.late?.caseNumber].sort());
    expect(amountDesc.slice(3)).toEqual([made.active?.caseNumber, made.withdrawn?.caseNumber]);
    expect(await numbers({ sort: 'amount-asc' })).toEqual([...amountDesc].reverse());
  });

  it('shows amounts in øre, the debtor, and the registration day in Oslo', async () => {
    const { params } = parseCaseListParams({ q: String(made.active?.caseNumber) });
    const [row] = (await listCases([companyId], params)).rows;
    expect(row).toMatchObject({
      id: made.active?.id,
      companyId,
      debtorName: made.active?.debtor.name,
      registeredOn: '2026-03-02',
      status: 'active',
      stage: 'reminder',
      originalAmountOre: 50_000,
      balanceOre: 50_000,
      currency: 'NOK',
      invoiceNumbers: made.active?.invoiceNumbers.join(', '),
    });
  });
});
