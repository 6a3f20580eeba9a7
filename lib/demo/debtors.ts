import { toSearchText } from '@/lib/search-text';
import type { Company, Context, DebtorPlan } from '@/lib/demo/context';
import { DAY_MS } from '@/lib/dates';
import {
  COMPANY_NAME_PREFIXES,
  COMPANY_TRADES,
  FIRST_NAMES,
  LAST_NAMES,
  PLACES,
  STREETS,
  createRng,
  makeOrganisationNumber,
  type Rng,
} from '@/lib/demo/random';

// A demo debtor: a person with a valid fødselsnummer or a company, with a Norwegian address.

/** A valid fødselsnummer for someone born 1950–1999 (individual numbers 000–499). */
function makeNationalId(rng: Rng): string {
  const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  for (;;) {
    const birth = new Date(Date.UTC(1950, 0, 1) + rng.int(0, 18_262) * DAY_MS);
    const dd = String(birth.getUTCDate()).padStart(2, '0');
    const mm = String(birth.getUTCMonth() + 1).padStart(2, '0');
    const yy = String(birth.getUTCFullYear() % 100).padStart(2, '0');
    const nine = `${dd}${mm}${yy}${String(rng.int(0, 499)).padStart(3, '0')}`;
    const k1 = (11 - (K1.reduce((sum, w, i) => sum + w * Number(nine[i]), 0) % 11)) % 11;
    if (k1 === 10) continue;
    const ten = `${nine}${k1}`;
    const k2 = (11 - (K2.reduce((sum, w, i) => sum + w * Number(ten[i]), 0) % 11)) % 11;
    if (k2 !== 10) return `${ten}${k2}`;
  }
}

function makePhone(rng: Rng): string {
  return `+47${rng.pick(['4', '9'])}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}

function emailLocalPart(name: string): string {
  return toSearchText(name)
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/ +/g, '.');
}

/** A seed of its own per company and customer number (customer numbers repeat across companies). */
function ownSeed(companyId: string, customerNumber: number): number {
  let hash = customerNumber;
  for (const char of companyId) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

export function makeDebtor(ctx: Context, company: Company, customerNumber: number): DebtorPlan {
  const { rng } = ctx;
  const [postcode, city] = rng.pick(PLACES);
  const addressLine = `${rng.pick(STREETS)} ${rng.int(1, 120)}${rng.chance(0.15) ? rng.pick(['A', 'B', 'C']) : ''}`;
  const base = {
    id: ctx.newId(),
    companyId: company.id,
    customerNumber: String(customerNumber),
    addressLine,
    postcode,
    city,
    phone: rng.chance(0.5) ? makePhone(rng) : null,
  };
  if (rng.chance(0.25)) {
    const name = `${rng.pick(COMPANY_NAME_PREFIXES)} ${rng.pick(COMPANY_TRADES)} AS`;
    return {
      ...base,
      kind: 'company',
      name,
      searchName: toSearchText(name),
      organisationNumber: makeOrganisationNumber(rng),
      email: rng.chance(0.7) ? `post.${emailLocalPart(name).replace(/\./g, '')}@example.com` : null,
    };
  }
  const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  return {
    ...base,
    kind: 'person',
    name,
    searchName: toSearchText(name),
    // Every person has one, as the invoice form and the API require; the half that the shared stream does not give
    // one draws it from its own stream, so the rest of the demo (drawn after it) stays as it was.
    nationalId: rng.chance(0.5) ? makeNationalId(rng) : makeNationalId(createRng(ownSeed(company.id, customerNumber))),
    email: rng.chance(0.6) ? `${emailLocalPart(name)}@example.com` : null,
  };
}
