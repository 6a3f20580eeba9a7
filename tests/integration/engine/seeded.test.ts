import { sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { executeRows } from '@/db/client';
import { seedDemo } from '@/lib/demo/seed';
import { todayInOslo } from '@/lib/dates';
import { runEngine } from '@/lib/engine/run';
import { casesWithDriftedBalance } from '@/tests/helpers/case-factories';
import { referenceFees } from '@/tests/unit/engine/reference';

const rows = <T extends Record<string, unknown>>(query: SQL) => executeRows<T>(db, query);

async function count(query: SQL): Promise<number> {
  const [row] = await rows<{ n: string | number }>(query);
  return Number(row?.n ?? 0);
}

const today = todayInOslo();
const DEMO_ASSUMED_COMPENSATION: Record<string, number> = { '2025-H2': 46_000, '2026-H2': 46_000, '2027-H1': 46_000, '2027-H2': 46_000 };

describe('the demo seed, played by the collection engine over a moved clock', () => {
  beforeAll(async () => {
    await seedDemo(db, { today });
  }, 300_000);

  it('has a letter row behind every letter event, and an event for every letter', async () => {
    expect(await count(sql`select count(*) as n from letters`)).toBeGreaterThan(500);
    expect(
      await count(sql`select count(*) as n from events e where e.type = 'letter.sent'
      and not exists (select 1 from letters l where l.id::text = e.data->>'letterId' and l.case_id = e.case_id)`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from letters l where not exists
      (select 1 from events e where e.type = 'letter.sent' and e.data->>'letterId' = l.id::text)`),
    ).toBe(0);
  });

  it('booked every fee and interest row through the engine: keyed by a letter of the case on its date, or by a reconciliation', async () => {
    expect(await count(sql`select count(*) as n from ledger_entries where kind = 'fee'`)).toBeGreaterThan(300);
    expect(await count(sql`select count(*) as n from ledger_entries where kind = 'interest'`)).toBeGreaterThan(300);
    // Interest the claim's reconciliation booked before a payment or a withdrawal, not with a letter (no key).
    expect(await count(sql`select count(*) as n from ledger_entries where kind = 'interest' and idempotency_key is null`)).toBeGreaterThan(
      20,
    );
    const foreign = await rows<{ kind: string; key: string | null }>(sql`select e.kind, e.idempotency_key as key from ledger_entries e
      where e.kind in ('fee', 'interest') and not (
        exists (select 1 from letters l where l.case_id = e.case_id and l.sent_on = e.booked_on and e.idempotency_key like 'engine:' || l.id || ':%')
        or e.idempotency_key is null)`);
    expect(foreign).toEqual([]);
    // Every fee row names its fee.
    expect(await count(sql`select count(*) as n from ledger_entries where kind = 'fee' and fee_kind is null`)).toBe(0);
    // Every stage change but a closing came with the engine's letter (no actor; the letter a millisecond later).
    expect(
      await count(sql`select count(*) as n from events s where s.type = 'case.stage_changed' and s.data->>'to' <> 'closed'
      and (s.actor_user_id is not null or not exists (select 1 from events l where l.case_id = s.case_id and l.type = 'letter.sent'
        and l.occurred_at = s.occurred_at + interval '1 millisecond'))`),
    ).toBe(0);
  });

  it('charges no fee the law forbids: per case, each fee group within what domain.md allows for its letters', async () => {
    const facts = await rows<{
      id: string;
      due_on: string;
      principal: string;
      business: boolean;
      vat: boolean;
      agreement: Record<string, unknown> | null;
    }>(sql`select c.id,
      c.due_on::text, (select sum(amount_ore) from ledger_entries p where p.case_id = c.id and p.kind = 'principal') as principal,
      d.kind = 'company' as business, co.vat_registered as vat, co.collection_agreement as agreement
      from cases c join debtors d on d.id = c.debtor_id join companies co on co.id = c.company_id`);
    const sent = await rows<{
      case_id: string;
      kind: 'reminder' | 'notice' | 'demand' | 'legal_notice' | 'surveillance_notice';
      sent_on: string;
      deadline_on: string | null;
    }>(sql`select case_id, kind, sent_on::text, deadline_on::text from letters order by sent_on, created_at`);
    const fees = await rows<{ case_id: string; fee_kind: string; total: string }>(
      sql`select case_id, fee_kind, sum(amount_ore) as total from ledger_entries where kind = 'fee' group by 1, 2`,
    );
    let checked = 0;
    for (const c of facts) {
      const own = sent.filter((letter) => letter.case_id === c.id);
      for (const letter of own) expect(letter.sent_on > c.due_on, `${c.id} ${letter.kind}`).toBe(true);
      const fee = (kind: string) => Number(fees.find((row) => row.case_id === c.id && row.fee_kind === kind)?.total ?? 0);
      // Payments only lower what is allowed, so the allowance without them is an upper bound.
      const allowed = referenceFees(
        {
          dueOn: c.due_on,
          principalOre: Number(c.principal),
          business: c.business,
          compensationAgreed: (c.agreement?.standardCompensation ?? true) !== false,
          vatRegistered: c.vat,
          letters: own.map((letter) => ({ kind: letter.kind, sentOn: letter.sent_on, deadlineOn: letter.deadline_on })),
          reductions: [],
          // The demo's assumption for the half-years without a published figure (lib/demo/rates.ts).
          assumedCompensation: DEMO_ASSUMED_COMPENSATION,
        },
        today,
      );
      expect(fee('reminder_fee') + fee('notice_fee'), c.id).toBeLessThanOrEqual(allowed.reminderFees);
      expect(fee('standard_compensation'), c.id).toBeLessThanOrEqual(allowed.compensation);
      expect(fee('collection_fee_light') + fee('collection_fee_heavy'), c.id).toBeLessThanOrEqual(allowed.salaer);
      for (const kind of ['reminder_fee', 'notice_fee', 'standard_compensation', 'collection_fee_light', 'collection_fee_heavy'])
        expect(fee(kind)).toBeGreaterThanOrEqual(0);
      checked += own.length;
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('changes nothing when the engine runs again today, and the ledger explains every balance', async () => {
    const before = await rows(sql`select (select count(*) from letters) as letters, (select count(*) from ledger_entries) as ledger,
      (select count(*) from events) as events, (select sum(balance_ore) from cases) as balance`);
    const again = await runEngine(db, { now: new Date(`${today}T10:00:00Z`) });
    expect(again).toMatchObject({ letters: 0, errors: 0, ledgerRows: 0, events: 0 });
    expect(again.examined).toBeGreaterThan(100);
    const after = await rows(sql`select (select count(*) from letters) as letters, (select count(*) from ledger_entries) as ledger,
      (select count(*) from events) as events, (select sum(balance_ore) from cases) as balance`);
    expect(after).toEqual(before);
    expect(await casesWithDriftedBalance(db)).toEqual([]);
    expect(await count(sql`select count(*) as n from case_collection where error_code is not null`)).toBe(0);
  });

  it('leaves the cases in a spread of stages and statuses; legal collection only after the desk confirmed it', async () => {
    const spread = await rows<{ status: string; stage: string; n: string | number }>(
      sql`select status, stage, count(*) as n from cases group by 1, 2`,
    );
    const activeIn = (stage: string) => Number(spread.find((row) => row.status === 'active' && row.stage === stage)?.n ?? 0);
    for (const stage of ['reminder', 'notice', 'demand', 'legal', 'surveillance']) expect(activeIn(stage), stage).toBeGreaterThanOrEqual(5);
    const withStatus = (status: string) => spread.filter((row) => row.status === status).reduce((sum, row) => sum + Number(row.n), 0);
    expect(withStatus('closed')).toBeGreaterThanOrEqual(20);
    expect(withStatus('paused')).toBeGreaterThanOrEqual(5);
    expect(withStatus('withdrawn')).toBeGreaterThanOrEqual(2);
    // Each legal letter follows a case handler's confirmation on the desk.
    expect(
      await count(sql`select count(*) as n from letters l where l.kind = 'legal_notice' and not exists (
      select 1 from events e join users u on u.id = e.actor_user_id
      where e.case_id = l.case_id and e.type = 'case.legal_confirmed' and u.is_agency_staff and e.occurred_at < l.created_at)`),
    ).toBe(0);
    // A second letter of a kind only as a new demand, six months after the one before (legal had not started).
    const repeated = await rows<{ kind: string; gap_ok: boolean }>(sql`select l.kind, l.sent_on >= p.sent_on + interval '6 months' as gap_ok
      from letters l join letters p on p.case_id = l.case_id and p.kind = l.kind and p.sent_on < l.sent_on`);
    expect(repeated.every((row) => row.kind === 'demand' && row.gap_ok)).toBe(true);
  });
});
