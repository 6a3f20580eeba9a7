import { randomUUID } from 'node:crypto';
import type { Executor } from '@/db/client';
import { cases, debtors, invoices, ledgerEntries } from '@/db/schema';
import { makeKid } from '@/lib/norwegian-ids';

/** An overdue invoice as it arrives at the agency: one principal row, no letters, no fees, no interest yet. */
export async function makeOverdueCase(
  db: Executor,
  options: { companyId: string; dueOn: string; principalOre?: number; debtorKind?: 'person' | 'company' },
) {
  const suffix = randomUUID().slice(0, 8);
  const principalOre = options.principalOre ?? 1_000_000;
  const [debtor] = await db
    .insert(debtors)
    .values({
      companyId: options.companyId,
      customerNumber: `E-${suffix}`,
      kind: options.debtorKind ?? 'person',
      name: `Ola Engine ${suffix}`,
      searchName: `ola engine ${suffix}`,
      addressLine: 'Kirkegata 2',
      postcode: '7011',
      city: 'Trondheim',
    })
    .returning();
  const kid = makeKid(String(Math.floor(Math.random() * 1e12)).padStart(12, '0'), 'mod10');
  const [row] = await db
    .insert(cases)
    .values({
      companyId: options.companyId,
      debtorId: debtor!.id,
      kid,
      source: 'manual',
      originalAmountOre: principalOre,
      balanceOre: principalOre,
      dueOn: options.dueOn,
    })
    .returning();
  const [invoice] = await db
    .insert(invoices)
    .values({
      companyId: options.companyId,
      caseId: row!.id,
      invoiceNumber: `F-${suffix}`,
      issuedOn: options.dueOn,
      dueOn: options.dueOn,
      amountOre: principalOre,
      description: 'Varer',
    })
    .returning();
  await db.insert(ledgerEntries).values({
    companyId: options.companyId,
    caseId: row!.id,
    invoiceId: invoice!.id,
    kind: 'principal',
    amountOre: principalOre,
    bookedOn: options.dueOn,
  });
  return row!;
}

/** Noon in Oslo on a date: the engine's clock for that day. */
export function onDay(isoDate: string): Date {
  return new Date(`${isoDate}T10:00:00Z`);
}
