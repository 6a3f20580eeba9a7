import { randomUUID } from 'node:crypto';
import { DEMO_API_KEY } from '@/lib/demo/accounts';
import { makeKid } from '@/lib/norwegian-ids';

// `npm run demo:autocollect`: plays an accounting system (Tripletex) against a running portal, through /api/v1
// only: registers overdue invoices for Nordlys Elektro AS, sends a payment and a credit note, pages through the
// cases. Watch them appear in Saker (signed in as admin@demo.no, company Nordlys Elektro AS).

const base = process.env.PORTAL_URL ?? `http://localhost:${process.env.PORT ?? '3000'}`;
const key = process.env.AUTOCOLLECT_API_KEY ?? DEMO_API_KEY;
const count = Math.min(Math.max(Number(process.argv[2] ?? 5) || 5, 1), 50);

type Answer = { status: number; body: Record<string, unknown> };

async function call(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(new URL(path, base), {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

function isoDaysAgo(days: number) {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** A valid organisation number (MOD11) from a random 8-digit base. */
function organisationNumber(): string {
  for (;;) {
    const candidate = makeKid(String(10_000_000 + Math.floor(Math.random() * 89_999_999)), 'mod11');
    if (!candidate.endsWith('-')) return candidate;
  }
}

const CUSTOMERS = ['Solbakken Bygg AS', 'Havgløtt Kafé AS', 'Tindeglimt Sport AS', 'Elvebredden Regnskap AS', 'Fjellro Hytteutleie AS'];

function fail(what: string, answer: Answer): never {
  console.error(`${what} failed: HTTP ${answer.status}`, JSON.stringify(answer.body, null, 2));
  process.exit(1);
}

const run = randomUUID().slice(0, 6).toUpperCase();
console.log(`AutoCollect demo against ${base} (key ${key.slice(0, 12)}…)\n`);
const invoiceNumbers: string[] = [];
for (let i = 0; i < count; i++) {
  const invoiceNumber = `TX-${run}-${i + 1}`;
  const answer = await call('POST', '/api/v1/invoices', {
    customer: {
      customerNumber: `TX-K${1000 + i}`,
      kind: 'company',
      name: CUSTOMERS[i % CUSTOMERS.length],
      organisationNumber: organisationNumber(),
      addressLine: `Storgata ${i + 1}`,
      postcode: '9008',
      city: 'Tromsø',
      countryCode: 'NO',
      email: `faktura${i + 1}@example.no`,
    },
    invoice: {
      invoiceNumber,
      issuedOn: isoDaysAgo(44),
      dueOn: isoDaysAgo(30),
      amountOre: 125_000 + i * 37_500,
      currency: 'NOK',
      description: 'Elektrikerarbeid',
    },
  });
  if (answer.status !== 201 && answer.status !== 200) fail(`POST /api/v1/invoices ${invoiceNumber}`, answer);
  invoiceNumbers.push(invoiceNumber);
  console.log(
    `POST /api/v1/invoices ${invoiceNumber} → ${answer.status}: case ${answer.body.caseNumber} (${answer.body.status}, ${Number(answer.body.balanceOre) / 100} kr)`,
  );
}

// The same invoice again: idempotent on the invoice number, the same case comes back.
const again = await call('POST', '/api/v1/invoices', {
  customer: {
    customerNumber: 'TX-K1000',
    kind: 'company',
    name: CUSTOMERS[0],
    organisationNumber: organisationNumber(),
    addressLine: 'Storgata 1',
    postcode: '9008',
    city: 'Tromsø',
  },
  invoice: { invoiceNumber: invoiceNumbers[0], issuedOn: isoDaysAgo(44), dueOn: isoDaysAgo(30), amountOre: 125_000 },
});
console.log(`POST /api/v1/invoices ${invoiceNumbers[0]} again → ${again.status}: case ${again.body.caseNumber} (no second case)`);

const idempotencyKey = randomUUID();
const payment = { invoiceNumber: invoiceNumbers[0], amountOre: 50_000, paidOn: isoDaysAgo(1) };
const paid = await call('POST', '/api/v1/payments', payment, { 'Idempotency-Key': idempotencyKey });
if (paid.status !== 201) fail('POST /api/v1/payments', paid);
console.log(`POST /api/v1/payments 500 kr on ${invoiceNumbers[0]} → ${paid.status}: balance ${Number(paid.body.balanceOre) / 100} kr`);
const replay = await call('POST', '/api/v1/payments', payment, { 'Idempotency-Key': idempotencyKey });
console.log(`  the same Idempotency-Key again → ${replay.status}: the first answer, booked once`);

if (invoiceNumbers[1]) {
  const credit = await call(
    'POST',
    '/api/v1/credit-notes',
    { invoiceNumber: invoiceNumbers[1], amountOre: 25_000, creditedOn: isoDaysAgo(0) },
    { 'Idempotency-Key': randomUUID() },
  );
  if (credit.status !== 201) fail('POST /api/v1/credit-notes', credit);
  console.log(
    `POST /api/v1/credit-notes 250 kr on ${invoiceNumbers[1]} → ${credit.status}: balance ${Number(credit.body.balanceOre) / 100} kr`,
  );
}

let cursor: string | null = null;
let pages = 0;
let total = 0;
do {
  const page = await call('GET', `/api/v1/cases?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
  if (page.status !== 200) fail('GET /api/v1/cases', page);
  total += (page.body.data as unknown[]).length;
  cursor = page.body.nextCursor as string | null;
  pages += 1;
} while (cursor && pages < 100);
console.log(`GET /api/v1/cases: ${total} cases of Nordlys Elektro AS in ${pages} page(s)`);

console.log(
  `\nSee them in Saker: ${base}/nb/cases (admin@demo.no, company Nordlys Elektro AS); history says "AutoCollect (Tripletex (demo))".`,
);
