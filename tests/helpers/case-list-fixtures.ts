import { randomUUID } from 'node:crypto';
import type { Executor } from '@/db/client';
import { cases, debtors, invoices } from '@/db/schema';
import { toSearchText } from '@/lib/search-text';

type CaseFixture = {
  companyId: string;
  debtorName?: string;
  customerNumber?: string;
  invoiceNumbers?: string[];
  status?: 'active' | 'paused' | 'withdrawn' | 'closed';
  stage?: 'reminder' | 'notice' | 'demand' | 'legal' | 'surveillance' | 'closed';
  registeredAt?: Date;
  originalAmountOre?: number;
  balanceOre?: number;
  currency?: string;
};

/** A case with its own debtor and invoices, as the list reads it (no ledger: the list shows the cached balance). */
export async function makeListedCase(db: Executor, fixture: CaseFixture) {
  const debtorName = fixture.debtorName ?? `Kunde ${randomUUID().slice(0, 6)}`;
  const [debtor] = await db
    .insert(debtors)
    .values({
      companyId: fixture.companyId,
      customerNumber: fixture.customerNumber ?? `K-${randomUUID().slice(0, 10)}`,
      kind: 'person',
      name: debtorName,
      searchName: toSearchText(debtorName),
    })
    .returning();
  if (!debtor) throw new Error('debtor insert failed');
  const originalAmountOre = fixture.originalAmountOre ?? 100_000;
  const [row] = await db
    .insert(cases)
    .values({
      companyId: fixture.companyId,
      debtorId: debtor.id,
      status: fixture.status ?? 'active',
      stage: fixture.stage ?? 'reminder',
      currency: fixture.currency ?? 'NOK',
      kid: String(Math.floor(Math.random() * 1e12)),
      source: 'manual',
      originalAmountOre,
      balanceOre: fixture.balanceOre ?? originalAmountOre,
      dueOn: '2025-01-01',
      registeredAt: fixture.registeredAt ?? new Date(),
    })
    .returning();
  if (!row) throw new Error('case insert failed');
  const invoiceNumbers = fixture.invoiceNumbers ?? [`F-${randomUUID().slice(0, 10)}`];
  for (const invoiceNumber of invoiceNumbers) {
    await db.insert(invoices).values({
      companyId: fixture.companyId,
      caseId: row.id,
      invoiceNumber,
      issuedOn: '2024-12-01',
      dueOn: '2025-01-01',
      amountOre: Math.floor(originalAmountOre / invoiceNumbers.length),
    });
  }
  return { ...row, debtor, invoiceNumbers };
}
