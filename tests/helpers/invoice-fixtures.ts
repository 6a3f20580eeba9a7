import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type { Database } from '@/db/client';
import type { DraftCustomer, DraftInvoice } from '@/db/schema/invoice-drafts';
import type { Actor } from '@/lib/auth/gate/checks';
import { attachInvoicePdf, saveCustomerStep, submitInvoiceStep } from '@/lib/invoices/mutations';

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function check(digits: string, weights: number[]): number {
  const sum = weights.reduce((total, weight, index) => total + weight * Number(digits[index]), 0);
  return (11 - (sum % 11)) % 11;
}

/** A fødselsnummer with both check digits right (born 15.05.1985, individual number from 100 up). */
export function validNationalId(individual = 100): string {
  for (let n = individual; n < 500; n++) {
    const base = `150585${String(n).padStart(3, '0')}`;
    const k1 = check(base, K1);
    if (k1 === 10) continue;
    const k2 = check(base + k1, K2);
    if (k2 === 10) continue;
    return `${base}${k1}${k2}`;
  }
  throw new Error('no national id found');
}

/** The same number with its last check digit wrong. */
export function badNationalId(): string {
  const good = validNationalId();
  return good.slice(0, 10) + String((Number(good[10]) + 1) % 10);
}

export function customer(overrides: Partial<DraftCustomer> = {}): DraftCustomer {
  return {
    customerNumber: `K-${randomUUID().slice(0, 8)}`,
    kind: 'person',
    name: 'Kari Nordmann',
    nationalId: validNationalId(),
    organisationNumber: null,
    addressLine: 'Storgata 1',
    postcode: '0150',
    city: 'Oslo',
    countryCode: 'NO',
    email: 'kari@example.com',
    phone: '+4791234567',
    ...overrides,
  };
}

export function invoice(overrides: Partial<DraftInvoice> = {}): DraftInvoice {
  return {
    invoiceNumber: `F-${randomUUID().slice(0, 8)}`,
    issuedOn: '2026-10-01',
    dueOn: '2026-10-15',
    amountOre: 123_450,
    currency: 'NOK',
    description: 'Rørleggerarbeid',
    ...overrides,
  };
}

/** A draft taken through both wizard steps by `actor` (submitted, waiting for the job). */
export async function submittedDraft(
  db: Database,
  actor: Actor,
  options: {
    customer?: Partial<DraftCustomer>;
    invoice?: Partial<DraftInvoice>;
    attachment?: { bytes: Uint8Array; fileName: string };
  } = {},
) {
  const draftId = await db.transaction((tx) =>
    saveCustomerStep(tx, actor, { companyId: actor.companyId, draftId: null, customer: customer(options.customer) }),
  );
  const inv = invoice(options.invoice);
  const { attachment } = options;
  if (attachment) await db.transaction((tx) => attachInvoicePdf(tx, actor, draftId, attachment));
  await db.transaction((tx) => submitInvoiceStep(tx, actor, { draftId, invoice: inv }));
  return { draftId, invoice: inv };
}

/** A real one-page PDF (pdf-lib), optionally padded to `size` bytes with a trailing comment. */
export async function realPdf(text = 'Faktura'): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([595, 842]);
  page.drawText(text, { x: 50, y: 780, size: 18 });
  return document.save();
}
