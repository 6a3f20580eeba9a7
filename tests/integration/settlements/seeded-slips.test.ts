import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { executeRows } from '@/db/client';
import { seedDemo } from '@/lib/demo/seed';

describe('the demo seed’s remittance slips', () => {
  beforeAll(async () => {
    await seedDemo(db);
  }, 120_000);

  it('come from the settlement run over seeded debtor payments: every slip settles ledger rows, lines sum to totals', async () => {
    const rows = await executeRows<{ slips: number; without_items: number; mismatched: number; unbacked: number; debtor_payments: number }>(
      db,
      sql`
      select
        (select count(*)::int from remittance_slips) as slips,
        (select count(*)::int from remittance_slips s where not exists (select 1 from remittance_items i where i.slip_id = s.id)) as without_items,
        (select count(*)::int from remittance_slips s where s.net_ore - s.carried_in_ore + s.carried_out_ore <> (select coalesce(sum(l.net_ore), 0) from remittance_lines l where l.slip_id = s.id and not l.is_direct_payment)
           or s.agency_fee_ore <> (select coalesce(sum(l.agency_fee_ore), 0) from remittance_lines l where l.slip_id = s.id and not l.is_direct_payment)
           or s.principal_ore <> (select coalesce(sum(l.principal_ore), 0) from remittance_lines l where l.slip_id = s.id and not l.is_direct_payment)) as mismatched,
        (select count(*)::int from remittance_items i join ledger_entries e on e.id = i.ledger_entry_id where e.kind <> 'payment') as unbacked,
        (select count(*)::int from debtor_payments where status = 'allocated' and source = 'seed') as debtor_payments`,
    );
    const [counts] = rows;
    expect(counts?.slips).toBeGreaterThan(20);
    expect(counts?.debtor_payments).toBeGreaterThan(20);
    expect(counts).toMatchObject({ without_items: 0, mismatched: 0, unbacked: 0 });
  });

  it('allocated debtor payments agree with their ledger rows, to the øre', async () => {
    const rows = await executeRows<{ bad: number }>(
      db,
      sql`
      select count(*)::int as bad from debtor_payments p
      where p.status = 'allocated' and p.amount_ore <> p.principal_ore + p.interest_ore + p.fee_ore + p.credit_ore
         or p.status = 'allocated' and p.amount_ore <> (select -sum(e.amount_ore) from ledger_entries e where e.debtor_payment_id = p.id)`,
    );
    const [result] = rows;
    expect(result?.bad).toBe(0);
  });
});
