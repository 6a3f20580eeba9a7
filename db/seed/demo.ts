import { count, sql } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Database, Tx } from '@/db/client';
import {
  cases,
  companies,
  debtorPayments,
  debtors,
  events,
  invoices,
  ledgerEntries,
  memberships,
  messages,
  remittanceLines,
  remittanceSlips,
  secondFactors,
  tasks,
  users,
} from '@/db/schema';
import { encryptSecret } from '@/lib/auth/crypto';
import { hashPassword } from '@/lib/auth/password';
import { makeKid, mod11CheckDigit } from '@/lib/domain/check-digits';
import { toSearchText } from '@/lib/domain/search-text';
import { collectionFeeLightOre, reminderFeeOre } from '@/lib/domain/fees';
import { calculateInterestOre } from '@/lib/domain/interest';
import { env } from '@/lib/env';
import { allocatePayment } from '@/lib/allocation/allocate';
import { orderForStage } from '@/lib/allocation/order';
import type { Outstanding, PaymentComponent } from '@/lib/ledger/components';
import { runSettlement } from '@/lib/settlements/run';
import { DEMO_COMPANIES, DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS } from './demo-accounts';

// ---- Shared by the demo and the bulk seed -------------------------------------------------------------------

export const FIRST_NAMES = [
  'Kari', 'Ola', 'Åse', 'Øystein', 'Ingrid', 'Lars', 'Bjørn', 'Siri', 'Håkon', 'Marit', 'Torbjørn', 'Solveig',
  'Per', 'Nils', 'Hilde', 'Eirik', 'Ragnhild', 'Jørgen', 'Sigrid', 'Knut', 'Tone', 'Geir', 'Anne-Lise', 'Ståle',
  'Kristin', 'Terje', 'Mette', 'Ove', 'Gro', 'Trond', 'Line', 'Espen', 'Åsmund', 'Britt', 'Even', 'Synnøve',
] as const;

export const LAST_NAMES = [
  'Nordmann', 'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen',
  'Karlsen', 'Berg', 'Haugen', 'Hagen', 'Bjørnstad', 'Lærum', 'Dahl', 'Lie', 'Solberg', 'Bakken', 'Strøm',
  'Sæther', 'Aas', 'Rønning', 'Fjeld', 'Myhre', 'Løken', 'Tveit', 'Engen', 'Sørensen', 'Holm', 'Østby', 'Vågen',
] as const;

export const COMPANY_NAME_PREFIXES = [
  'Vik', 'Berg', 'Strand', 'Nord', 'Fjell', 'Dal', 'Sjø', 'Lund', 'Haug', 'Mo', 'Ås', 'Øye', 'Bø', 'Eide', 'Voss',
] as const;

export const COMPANY_TRADES = [
  'Bygg', 'Transport', 'Regnskap', 'Catering', 'Maskin', 'Eiendom', 'Snekkeri', 'Frisør', 'Bilverksted', 'Maling',
  'Blomster', 'Bakeri', 'Entreprenør',
] as const;

export const STREETS = [
  'Storgata', 'Kirkegata', 'Skolegata', 'Strandveien', 'Bjørkeveien', 'Granveien', 'Solbakken', 'Møllevegen',
  'Fjordgata', 'Havnegata', 'Løvåsveien', 'Åsveien', 'Elvegata', 'Parkveien', 'Kongens gate',
] as const;

/** Real postcodes with their post towns. */
export const PLACES: readonly (readonly [postcode: string, city: string])[] = [
  ['0150', 'Oslo'], ['0473', 'Oslo'], ['0661', 'Oslo'], ['5003', 'Bergen'], ['5089', 'Bergen'],
  ['7010', 'Trondheim'], ['7030', 'Trondheim'], ['4006', 'Stavanger'], ['4021', 'Stavanger'], ['9008', 'Tromsø'],
  ['3015', 'Drammen'], ['4610', 'Kristiansand'], ['1606', 'Fredrikstad'], ['2609', 'Lillehammer'], ['8006', 'Bodø'],
  ['6002', 'Ålesund'], ['3210', 'Sandefjord'], ['2317', 'Hamar'], ['1530', 'Moss'], ['3117', 'Tønsberg'],
  ['1337', 'Sandvika'], ['2000', 'Lillestrøm'], ['5527', 'Haugesund'], ['6509', 'Kristiansund N'],
  ['8514', 'Narvik'], ['9600', 'Hammerfest'], ['3616', 'Kongsberg'], ['2815', 'Gjøvik'], ['3724', 'Skien'],
  ['4836', 'Arendal'],
];


export type Rng = {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (probability: number) => boolean;
};

/** mulberry32: a tiny 32-bit PRNG, so the same seed always gives the same demo data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (probability) => next() < probability,
  };
}

/** A valid organisation number starting with 9 (MOD11, remainder 10 skipped). */
export function makeOrganisationNumber(rng: Rng): string {
  for (;;) {
    const base = `9${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
    const check = mod11CheckDigit(base);
    if (check !== '-') return base + check;
  }
}

// ---- Dates --------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function dayNumber(isoDate: string): number {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${isoDate}"`);
  return ms / DAY_MS;
}

// ---- Demo plan ----------------------------------------------------------------------------------------------

const SEED = 20_260_101;
const CASE_COUNTS = [180, 60, 60] as const;
const HISTORY_DAYS = 540;
const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

type CaseSource = 'manual' | 'import' | 'autocollect';
type Stage = 'reminder' | 'notice' | 'demand' | 'legal' | 'surveillance' | 'closed';
type Status = 'active' | 'paused' | 'withdrawn' | 'closed';
type LetterKind = 'reminder' | 'notice' | 'demand' | 'legal_notice';
type Company = (typeof DEMO_COMPANIES)[number];

type CompanyProfile = { invoiceStart: number; sources: readonly CaseSource[]; describe: (rng: Rng, issued: Date) => string };

const PROFILES: readonly CompanyProfile[] = [
  {
    invoiceStart: 31_001,
    sources: ['manual', 'manual', 'manual', 'import', 'import'],
    describe: (_rng, issued) => `Strøm ${MONTHS[issued.getUTCMonth()]} ${issued.getUTCFullYear()}`,
  },
  {
    invoiceStart: 50_001,
    sources: ['autocollect'],
    describe: (rng) =>
      rng.pick(['Elektrikerarbeid', 'Utskifting av sikringsskap', 'Varmekabler bad', 'Service varmepumpe', 'Installasjon av elbillader']),
  },
  {
    invoiceStart: 7_001,
    sources: ['manual', 'manual', 'import'],
    describe: (rng) => rng.pick(['Rørleggerarbeid bad', 'Ny varmtvannsbereder', 'Tining av frosne rør', 'Montering av kjøkkenbatteri']),
  },
];

type Row<T extends PgTable> = PgInsertValue<T>;

type DebtorPlan = Row<typeof debtors> & { id: string; createdAt?: Date };
type InvoicePlan = { id: string; number: string; issuedDay: number; dueDay: number; amountOre: number; description: string };
type CasePlan = {
  id: string;
  companyIndex: number;
  company: Company;
  debtor: DebtorPlan;
  source: CaseSource;
  registeredDay: number;
  caseNumber: number;
  kid: string;
  invoices: InvoicePlan[];
};

type Payment = { companyIndex: number; caseId: string; day: number; amountOre: number; isDirect: boolean };

type CaseOutcome = {
  plan: CasePlan;
  status: Status;
  stageChanges: { day: number; stage: Stage }[];
  /** Last day on which tasks and messages may appear on the case. */
  lastActiveDay: number;
};

type DemoUserIds = { admin: string; writer: string; reader: string };

type Context = {
  rng: Rng;
  newId: () => string;
  today: number;
  lastDay: number;
  agencyAccount: string;
  userIds: DemoUserIds;
};

type DemoRows = {
  companies: Row<typeof companies>[];
  users: Row<typeof users>[];
  memberships: Row<typeof memberships>[];
  secondFactors: Row<typeof secondFactors>[];
  debtors: Row<typeof debtors>[];
  cases: Row<typeof cases>[];
  invoices: Row<typeof invoices>[];
  ledger: Row<typeof ledgerEntries>[];
  events: Row<typeof events>[];
  tasks: Row<typeof tasks>[];
  messages: Row<typeof messages>[];
  slips: Row<typeof remittanceSlips>[];
  lines: Row<typeof remittanceLines>[];
  payments: Payment[];
  debtorPayments: Row<typeof debtorPayments>[];
  settlementDays: { companyId: string; day: number }[];
};

function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 4 }, () => Math.floor(rng.next() * 4_294_967_296).toString(16).padStart(8, '0')).join('');
  const variant = '89ab'[Number.parseInt(hex.charAt(16), 16) & 3];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Creditor-side actor in the company: the writer or the admin in the first company, the admin elsewhere. */
function creditorUser(ctx: Context, companyIndex: number): string {
  return companyIndex === 0 && ctx.rng.chance(0.6) ? ctx.userIds.writer : ctx.userIds.admin;
}

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
  return toSearchText(name).replace(/[^a-z ]/g, '').trim().replace(/ +/g, '.');
}

function makeDebtor(ctx: Context, company: Company, customerNumber: number): DebtorPlan {
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
    nationalId: rng.chance(0.5) ? makeNationalId(rng) : null,
    email: rng.chance(0.6) ? `${emailLocalPart(name)}@example.com` : null,
  };
}

/** Log-uniform between 500 kr and 80 000 kr; most amounts are whole kroner. */
function invoiceAmountOre(rng: Rng): number {
  const ore = Math.round(Math.exp(Math.log(50_000) + rng.next() * (Math.log(8_000_000) - Math.log(50_000))));
  return rng.chance(0.6) ? Math.round(ore / 100) * 100 : ore;
}

function planCases(ctx: Context): { plans: CasePlan[]; debtorRows: DebtorPlan[] } {
  const { rng } = ctx;
  const plans: Omit<CasePlan, 'caseNumber' | 'kid' | 'invoices'>[] = [];
  const debtorRows: DebtorPlan[] = [];
  DEMO_COMPANIES.forEach((company, companyIndex) => {
    const caseCount = CASE_COUNTS[companyIndex] ?? 0;
    const pool: DebtorPlan[] = [];
    let customerNumber = 10_000;
    for (let k = 0; k < Math.round(caseCount * 0.85); k += 1) {
      customerNumber += rng.int(1, 9);
      pool.push(makeDebtor(ctx, company, customerNumber));
    }
    debtorRows.push(...pool);
    for (let k = 0; k < caseCount; k += 1) {
      // Skewed towards recent registrations, so most open cases are young.
      const age = 2 + Math.floor((HISTORY_DAYS - 2) * rng.next() ** 1.8);
      plans.push({
        id: ctx.newId(),
        companyIndex,
        company,
        debtor: k < pool.length ? (pool[k] as DebtorPlan) : rng.pick(pool),
        source: rng.pick(PROFILES[companyIndex]?.sources ?? ['manual']),
        registeredDay: ctx.today - age,
      });
    }
  });
  plans.sort((a, b) => a.registeredDay - b.registeredDay);

  const invoiceCounters = PROFILES.map((profile) => profile.invoiceStart);
  const full = plans.map((plan): CasePlan => {
    const firstDue = plan.registeredDay - rng.int(14, 45);
    const dueDays = [firstDue];
    if (rng.chance(0.15) && plan.registeredDay - 14 > firstDue + 7) dueDays.push(rng.int(firstDue + 7, plan.registeredDay - 14));
    const invoicesOfCase = dueDays.map((dueDay): InvoicePlan => {
      const issuedDay = dueDay - rng.pick([10, 14, 14, 20, 30, 30]);
      invoiceCounters[plan.companyIndex] = (invoiceCounters[plan.companyIndex] ?? 0) + rng.int(1, 25);
      return {
        id: ctx.newId(),
        number: String(invoiceCounters[plan.companyIndex]),
        issuedDay,
        dueDay,
        amountOre: invoiceAmountOre(rng),
        description: PROFILES[plan.companyIndex]?.describe(rng, new Date(issuedDay * DAY_MS)) ?? 'Faktura',
      };
    });
    return { ...plan, caseNumber: 0, kid: '', invoices: invoicesOfCase };
  });
  return { plans: full, debtorRows };
}

// ---- Case simulation ----------------------------------------------------------------------------------------

const STAGE_FLOW: readonly { stage: Stage; letter: LetterKind | null; gap: [number, number] }[] = [
  { stage: 'reminder', letter: 'reminder', gap: [15, 16] },
  { stage: 'notice', letter: 'notice', gap: [17, 20] },
  { stage: 'demand', letter: 'demand', gap: [30, 75] },
  { stage: 'legal', letter: 'legal_notice', gap: [150, 270] },
  { stage: 'surveillance', letter: null, gap: [0, 0] },
];

const WITHDRAW_REASONS = [
  'Kunden har betalt direkte til oss',
  'Fakturaen ble sendt ved en feil',
  'Vi har avtalt en nedbetalingsplan med kunden',
  'Kunden er en viktig samarbeidspartner, vi løser saken selv',
];

type Action = { day: number; kind: 'credit' | 'instalment' | 'pay' | 'withdraw' | 'pause' | 'resume' };

function planActions(ctx: Context, registeredDay: number): Action[] {
  const { rng, lastDay } = ctx;
  const actions: Action[] = [];
  const fate = rng.next();
  const payDay =
    fate < 0.2 ? registeredDay + rng.int(5, 30)
      : fate < 0.32 ? registeredDay + rng.int(30, 120)
        : fate < 0.4 ? registeredDay + rng.int(120, 450)
          : Number.POSITIVE_INFINITY;
  const withdrawDay = rng.chance(0.05) ? registeredDay + rng.int(4, 90) : Number.POSITIVE_INFINITY;
  if (Number.isFinite(payDay)) actions.push({ day: payDay, kind: 'pay' });
  if (Number.isFinite(withdrawDay)) actions.push({ day: withdrawDay, kind: 'withdraw' });
  if (rng.chance(0.08)) actions.push({ day: registeredDay + rng.int(2, 20), kind: 'credit' });
  if (rng.chance(0.18)) {
    let day = registeredDay + rng.int(20, 60);
    for (let n = rng.int(1, 3); n > 0; n -= 1, day += rng.int(20, 40)) actions.push({ day, kind: 'instalment' });
  }
  if (rng.chance(0.06)) {
    const pauseDay = registeredDay + rng.int(3, 40);
    actions.push({ day: pauseDay, kind: 'pause' }, { day: pauseDay + rng.int(7, 25), kind: 'resume' });
  }
  const endsBeforeToday = Math.min(payDay, withdrawDay) <= lastDay;
  if (!endsBeforeToday && rng.chance(0.09) && lastDay - 1 > registeredDay + 3) {
    // Paused now: the pause is the last thing that happened, so drop everything planned after it.
    const pauseDay = rng.int(Math.max(registeredDay + 3, lastDay - 45), lastDay);
    return [...actions.filter((action) => action.day < pauseDay && action.kind !== 'pause' && action.kind !== 'resume'), { day: pauseDay, kind: 'pause' }];
  }
  return actions.sort((a, b) => a.day - b.day);
}

function simulateCase(ctx: Context, plan: CasePlan, rows: DemoRows): CaseOutcome {
  const { rng, lastDay } = ctx;
  const companyId = plan.company.id;
  const isAutocollect = plan.companyIndex === 1;
  const principalOre = plan.invoices.reduce((sum, invoice) => sum + invoice.amountOre, 0);
  const firstInvoice = plan.invoices[0] as InvoicePlan;
  let lastMs = 0;
  let balance = 0;
  let principalOpen = principalOre;
  let interestFrom = Math.min(...plan.invoices.map((invoice) => invoice.dueDay));
  let stageIndex = 0;
  let status: Status = 'active';
  let pausedOn: number | null = null;
  let closedAt: Date | null = null;
  let endDay = lastDay;
  const stageChanges: { day: number; stage: Stage }[] = [{ day: plan.registeredDay, stage: 'reminder' }];

  function stamp(day: number): Date {
    let ms = day * DAY_MS + (6 * 60 + rng.int(0, 9 * 60)) * MINUTE_MS;
    if (ms <= lastMs) ms = lastMs + rng.int(1, 40) * MINUTE_MS;
    lastMs = ms;
    return new Date(ms);
  }
  function event(type: string, at: Date, data: Record<string, unknown>, actorUserId: string | null = null) {
    rows.events.push({ id: ctx.newId(), companyId, actorUserId, type, subjectType: 'case', subjectId: plan.id, caseId: plan.id, data, occurredAt: at });
  }
  // What is owed per component, for allocating the agency's debtor payments in the stage's order.
  const owed: Outstanding = { principal: 0, interest: 0, fee: 0 };
  function book(
    kind: 'principal' | 'interest' | 'fee' | 'payment' | 'credit_note',
    amountOre: number,
    at: Date,
    extra: { invoiceId?: string; createdByUserId?: string | null; covers?: PaymentComponent; debtorPaymentId?: string } = {},
  ) {
    balance += amountOre;
    if (kind === 'principal' || kind === 'interest' || kind === 'fee') owed[kind] += amountOre;
    else if (extra.covers !== 'credit') owed[extra.covers ?? 'principal'] = Math.max(0, owed[extra.covers ?? 'principal'] + amountOre);
    rows.ledger.push({
      id: ctx.newId(),
      companyId,
      caseId: plan.id,
      invoiceId: extra.invoiceId ?? null,
      kind,
      amountOre,
      bookedOn: isoDay(Math.floor(at.getTime() / DAY_MS)),
      createdByUserId: extra.createdByUserId ?? null,
      covers: extra.covers ?? null,
      debtorPaymentId: extra.debtorPaymentId ?? null,
      createdAt: at,
    });
  }
  function bookInterest(day: number, at: Date) {
    const interest = calculateInterestOre(Math.max(principalOpen, 0), isoDay(interestFrom), isoDay(day));
    if (interest > 0) book('interest', interest, at);
    interestFrom = day;
  }
  function letter(kind: LetterKind, day: number) {
    const at = stamp(day);
    event('letter.sent', at, { accountNumber: ctx.agencyAccount, kid: plan.kid, amountOre: balance, dueOn: isoDay(day + 14), letterKind: kind });
  }
  // A debtor's payment into the agency's account by KID, split by the real allocation for the current stage.
  function receiveByKid(day: number, amountOre: number, at: Date) {
    const stage = STAGE_FLOW[stageIndex]?.stage ?? 'reminder';
    const split = allocatePayment(amountOre, owed, orderForStage(stage, null));
    const debtorPaymentId = ctx.newId();
    rows.debtorPayments.push({
      id: debtorPaymentId,
      companyId,
      caseId: plan.id,
      status: 'allocated',
      source: 'seed',
      paidOn: isoDay(day),
      kid: plan.kid,
      amountOre,
      payer: String(plan.debtor.name),
      bankReference: `DEMO-${plan.kid}-${day}-${rows.debtorPayments.length}`,
      principalOre: split.principal,
      interestOre: split.interest,
      feeOre: split.fee,
      creditOre: split.credit,
      allocatedAt: at,
      createdAt: at,
    });
    for (const covers of ['fee', 'interest', 'principal', 'credit'] as const) {
      if (split[covers] > 0) book('payment', -split[covers], at, { covers, debtorPaymentId });
    }
  }
  function pay(day: number, amountOre: number) {
    const source = rng.chance(0.8) ? 'agency' : isAutocollect ? 'autocollect' : 'creditor';
    const actor = source === 'creditor' ? creditorUser(ctx, plan.companyIndex) : null;
    const at = stamp(day);
    if (source === 'agency') receiveByKid(day, amountOre, at);
    else book('payment', -amountOre, at, { createdByUserId: actor });
    principalOpen -= Math.min(amountOre, Math.max(principalOpen, 0));
    event('payment.registered', at, { amountOre, paidOn: isoDay(day), currency: 'NOK', invoiceNumber: rng.chance(0.5) ? firstInvoice.number : null, source }, actor);
    rows.payments.push({ companyIndex: plan.companyIndex, caseId: plan.id, day, amountOre, isDirect: source !== 'agency' });
  }

  // Registration: principal per invoice, then the first letter with its fee the same day.
  const registeredAt = stamp(plan.registeredDay);
  for (const invoice of plan.invoices) book('principal', invoice.amountOre, registeredAt, { invoiceId: invoice.id });
  const registeredBy = plan.source === 'autocollect' ? null : creditorUser(ctx, plan.companyIndex);
  event('case.registered', registeredAt, { invoiceNumber: firstInvoice.number, amountOre: principalOre, source: plan.source }, registeredBy);
  book('fee', reminderFeeOre(isoDay(plan.registeredDay)), stamp(plan.registeredDay));
  letter('reminder', plan.registeredDay);

  const actions = planActions(ctx, plan.registeredDay);
  let nextStageDay = plan.registeredDay + rng.int(...(STAGE_FLOW[0] as (typeof STAGE_FLOW)[number]).gap);
  let actionIndex = 0;
  for (;;) {
    const action = actions[actionIndex];
    const stageDue = pausedOn === null && stageIndex < STAGE_FLOW.length - 1 ? nextStageDay : Number.POSITIVE_INFINITY;
    const day = Math.min(action?.day ?? Number.POSITIVE_INFINITY, stageDue);
    if (day > lastDay) break;

    if (action && action.day <= stageDue) {
      actionIndex += 1;
      if (action.kind === 'credit') {
        const amountOre = Math.min(Math.round((firstInvoice.amountOre * rng.int(10, 50)) / 10_000) * 100, principalOpen - 100);
        if (amountOre <= 0) continue;
        const actor = isAutocollect ? null : creditorUser(ctx, plan.companyIndex);
        const at = stamp(day);
        book('credit_note', -amountOre, at, { invoiceId: firstInvoice.id, createdByUserId: actor });
        principalOpen -= amountOre;
        event('credit_note.registered', at, { amountOre, creditedOn: isoDay(day), currency: 'NOK', invoiceNumber: firstInvoice.number }, actor);
      } else if (action.kind === 'instalment') {
        const amountOre = Math.round((balance * rng.int(10, 30)) / 10_000) * 100;
        if (amountOre >= 10_000 && amountOre < balance) pay(day, amountOre);
      } else if (action.kind === 'pay') {
        bookInterest(day, stamp(day));
        pay(day, balance);
        event('case.stage_changed', stamp(day), { from: STAGE_FLOW[stageIndex]?.stage, to: 'closed' });
        const at = stamp(day);
        event('case.closed', at, { reason: 'paid' });
        stageChanges.push({ day, stage: 'closed' });
        status = 'closed';
        closedAt = at;
        endDay = day;
        break;
      } else if (action.kind === 'withdraw') {
        event('case.withdrawn', stamp(day), { reason: rng.pick(WITHDRAW_REASONS) }, creditorUser(ctx, plan.companyIndex));
        status = 'withdrawn';
        endDay = day;
        break;
      } else if (action.kind === 'pause' && pausedOn === null) {
        event('case.paused', stamp(day), {}, creditorUser(ctx, plan.companyIndex));
        pausedOn = day;
      } else if (action.kind === 'resume' && pausedOn !== null) {
        event('case.resumed', stamp(day), {}, creditorUser(ctx, plan.companyIndex));
        nextStageDay += day - pausedOn;
        pausedOn = null;
      }
      continue;
    }

    const from = STAGE_FLOW[stageIndex] as (typeof STAGE_FLOW)[number];
    stageIndex += 1;
    const to = STAGE_FLOW[stageIndex] as (typeof STAGE_FLOW)[number];
    const at = stamp(day);
    event('case.stage_changed', at, { from: from.stage, to: to.stage });
    stageChanges.push({ day, stage: to.stage });
    if (to.stage === 'notice') book('fee', reminderFeeOre(isoDay(day)), stamp(day));
    if (to.stage !== 'notice') bookInterest(day, stamp(day));
    if (to.stage === 'demand') {
      const fee = collectionFeeLightOre(principalOre);
      book('fee', plan.debtor.kind === 'company' ? Math.round(fee * 1.5) : fee, stamp(day));
    }
    if (to.letter) letter(to.letter, day);
    nextStageDay = day + rng.int(...to.gap);
  }

  if (status === 'active' && pausedOn !== null) status = 'paused';
  const lastEvent = rows.events.at(-1)?.occurredAt;
  rows.cases.push({
    id: plan.id,
    companyId,
    caseNumber: plan.caseNumber,
    debtorId: plan.debtor.id,
    status,
    stage: status === 'closed' ? 'closed' : (STAGE_FLOW[stageIndex]?.stage ?? 'reminder'),
    kid: plan.kid,
    source: plan.source,
    originalAmountOre: principalOre,
    balanceOre: balance,
    dueOn: isoDay(Math.min(...plan.invoices.map((invoice) => invoice.dueDay))),
    registeredAt,
    closedAt,
    updatedAt: lastEvent instanceof Date ? lastEvent : registeredAt,
  });
  for (const invoice of plan.invoices) {
    rows.invoices.push({
      id: invoice.id,
      companyId,
      caseId: plan.id,
      invoiceNumber: invoice.number,
      issuedOn: isoDay(invoice.issuedDay),
      dueOn: isoDay(invoice.dueDay),
      amountOre: invoice.amountOre,
      description: invoice.description,
      createdAt: registeredAt,
    });
  }
  return { plan, status, stageChanges, lastActiveDay: endDay };
}

// ---- Tasks, messages and remittance -------------------------------------------------------------------------

type TaskTemplate = { title: string; body: string; answers: readonly string[]; stages?: readonly Stage[] };

const TASK_TEMPLATES: readonly TaskTemplate[] = [
  {
    title: 'Bekreft kravet',
    body: 'Skyldner bestrider kravet. Kan dere bekrefte at varene ble levert?',
    answers: ['Varene ble levert som avtalt. Signert følgeseddel er sendt til dere på e-post.', 'Kravet er riktig. Kunden har ikke klaget før nå.'],
  },
  {
    title: 'Send kopi av faktura',
    body: 'Skyldner sier at fakturaen aldri kom fram. Kan dere sende oss en kopi av den opprinnelige fakturaen?',
    answers: ['Kopi av fakturaen er sendt til saksbehandler på e-post.'],
  },
  {
    title: 'Godkjenn betalingsavtale',
    body: 'Skyldner ønsker å betale kravet i seks månedlige avdrag. Godkjenner dere en slik avtale?',
    answers: ['Ja, vi godtar seks avdrag.', 'Nei, vi kan godta høyst tre avdrag.'],
  },
  {
    title: 'Bekreft adresse',
    body: 'Post til skyldner kommer i retur. Har dere en annen adresse eller e-postadresse til kunden?',
    answers: ['Kunden har flyttet til Kirkegata 12, 0153 Oslo.', 'Vi har dessverre ingen annen adresse.'],
  },
  {
    title: 'Avklar innsigelse',
    body: 'Skyldner mener at arbeidet ikke ble utført som avtalt, og holder tilbake betalingen. Hva er deres kommentar?',
    answers: ['Arbeidet ble godkjent av kunden ved overlevering. Kravet står ved lag.', 'Vi krediterer 20 % av fakturaen, resten skal betales.'],
  },
  {
    title: 'Bekreft rettslig inkasso',
    body: 'Fristen i betalingsoppfordringen har gått ut. Ønsker dere at vi begjærer utlegg hos namsmannen?',
    answers: ['Ja, gå videre med utlegg.', 'Vent en måned, kunden har lovet å betale.'],
    stages: ['demand', 'legal'],
  },
  {
    title: 'Ettergivelse av renter',
    body: 'Skyldner ber om å få ettergitt rentene mot å betale hovedstolen innen 14 dager. Godtar dere dette?',
    answers: ['Ja, det er greit.', 'Nei, kravet skal betales i sin helhet.'],
    stages: ['demand', 'legal', 'surveillance'],
  },
];

const MESSAGE_THREADS: readonly { agencyFirst: boolean; lines: readonly string[] }[] = [
  {
    agencyFirst: true,
    lines: [
      'Skyldner har tatt kontakt og ønsker en betalingsavtale over tre måneder. Er det greit for dere?',
      'Det er greit for oss.',
      'Takk, vi setter opp avtalen og sender bekreftelse til skyldner.',
    ],
  },
  { agencyFirst: true, lines: ['Vi har mottatt en delbetaling på saken. Resten følges opp som vanlig.', 'Takk for beskjed.'] },
  {
    agencyFirst: true,
    lines: ['Post til skyldner kom i retur. Vi har funnet ny adresse i Folkeregisteret og sender brevet på nytt.', 'Flott, takk.'],
  },
  {
    agencyFirst: false,
    lines: [
      'Kunden sier at fakturaen er betalt. Kan dere sjekke?',
      'Vi finner ingen innbetaling med riktig KID. Be gjerne kunden sende kvittering til oss.',
      'Vi gir beskjed til kunden.',
    ],
  },
  {
    agencyFirst: false,
    lines: ['Hva er status på denne saken?', 'Saken følger vanlig løp. Neste brev sendes når fristen i forrige brev har gått ut.'],
  },
  {
    agencyFirst: false,
    lines: [
      'Kunden har ringt og spør om han kan få utsatt betalingen til neste måned.',
      'Vi kan gi utsettelse til den 20. neste måned. Vi tar kontakt med kunden.',
      'Takk!',
    ],
  },
];

function stageAt(outcome: CaseOutcome, day: number): Stage {
  let stage: Stage = 'reminder';
  for (const change of outcome.stageChanges) if (change.day <= day) stage = change.stage;
  return stage;
}

/** Days on which tasks and messages may appear: after registration, before the case ended, not after yesterday. */
function openWindow(outcome: CaseOutcome, lastDay: number): [number, number] {
  const ended = outcome.status === 'closed' || outcome.status === 'withdrawn';
  return [outcome.plan.registeredDay + 1, ended ? outcome.lastActiveDay - 1 : lastDay];
}

function pickCompanyCase(ctx: Context, candidates: CaseOutcome[]): CaseOutcome | undefined {
  const companyIndex = ctx.rng.next() < 0.6 ? 0 : ctx.rng.int(1, 2);
  const ofCompany = candidates.filter((outcome) => outcome.plan.companyIndex === companyIndex);
  return ofCompany.length > 0 ? ctx.rng.pick(ofCompany) : candidates[0];
}

function atMinute(ctx: Context, day: number): Date {
  return new Date(day * DAY_MS + (6 * 60 + ctx.rng.int(0, 9 * 60)) * MINUTE_MS);
}

function addTasks(ctx: Context, outcomes: CaseOutcome[], rows: DemoRows) {
  const { rng, lastDay } = ctx;
  const used = new Set<string>();
  const open = outcomes.filter((o) => (o.status === 'active' || o.status === 'paused') && o.plan.registeredDay + 1 <= lastDay);
  const answerable = outcomes.filter((o) => {
    const [from, to] = openWindow(o, lastDay);
    return to - from >= 6;
  });
  for (let n = 0; n < 50; n += 1) {
    const isOpen = n < 25;
    const outcome = pickCompanyCase(ctx, (isOpen ? open : answerable).filter((o) => !used.has(o.plan.id)));
    if (!outcome) continue;
    used.add(outcome.plan.id);
    const [from, to] = openWindow(outcome, lastDay);
    const createdDay = isOpen ? rng.int(Math.max(from, lastDay - 30), to) : rng.int(from, to - 5);
    const stage = stageAt(outcome, createdDay);
    const template = rng.pick(TASK_TEMPLATES.filter((t) => !t.stages || t.stages.includes(stage)));
    const companyId = outcome.plan.company.id;
    const createdAt = atMinute(ctx, createdDay);
    const id = ctx.newId();
    const answeredBy = isOpen ? null : creditorUser(ctx, outcome.plan.companyIndex);
    const answeredAt = isOpen ? null : atMinute(ctx, createdDay + rng.int(1, 4));
    rows.tasks.push({
      id,
      companyId,
      caseId: outcome.plan.id,
      assignedUserId: outcome.plan.companyIndex === 0 && rng.chance(0.4) ? ctx.userIds.writer : null,
      title: template.title,
      body: template.body,
      status: isOpen ? 'open' : 'answered',
      dueOn: isoDay(createdDay + 14),
      answer: isOpen ? null : rng.pick(template.answers),
      answeredByUserId: answeredBy,
      answeredAt,
      createdAt,
    });
    const base = { companyId, subjectType: 'case', subjectId: outcome.plan.id, caseId: outcome.plan.id };
    rows.events.push({ id: ctx.newId(), ...base, actorUserId: null, type: 'task.created', data: { taskId: id, title: template.title }, occurredAt: createdAt });
    if (answeredAt) {
      rows.events.push({ id: ctx.newId(), ...base, actorUserId: answeredBy, type: 'task.answered', data: { taskId: id, title: template.title }, occurredAt: answeredAt });
    }
  }
}

function addMessages(ctx: Context, outcomes: CaseOutcome[], rows: DemoRows) {
  const { rng, lastDay } = ctx;
  const cutoffMs = (lastDay + 1) * DAY_MS;
  const candidates = outcomes.filter((o) => {
    const [from, to] = openWindow(o, lastDay);
    return to - from >= 8;
  });
  while (rows.messages.length < 60) {
    const outcome = pickCompanyCase(ctx, candidates);
    if (!outcome) return;
    const thread = rng.pick(MESSAGE_THREADS);
    const [from, to] = openWindow(outcome, lastDay);
    let day = rng.int(from, to - 6);
    let lastMs = 0;
    thread.lines.forEach((body, index) => {
      const fromAgency = thread.agencyFirst === (index % 2 === 0);
      let ms = atMinute(ctx, day).getTime();
      if (ms <= lastMs) ms = lastMs + rng.int(20, 180) * MINUTE_MS;
      lastMs = ms;
      const createdAt = new Date(ms);
      const readMs = ms + rng.int(60, 36 * 60) * MINUTE_MS;
      const unread = readMs >= cutoffMs || (fromAgency && day >= lastDay - 21 && rng.chance(0.6));
      const authorUserId = fromAgency ? null : creditorUser(ctx, outcome.plan.companyIndex);
      const id = ctx.newId();
      const companyId = outcome.plan.company.id;
      rows.messages.push({ id, companyId, caseId: outcome.plan.id, authorUserId, fromAgency, body, readAt: unread ? null : new Date(readMs), createdAt });
      rows.events.push({
        id: ctx.newId(),
        companyId,
        actorUserId: authorUserId,
        type: fromAgency ? 'message.received' : 'message.sent',
        subjectType: 'case',
        subjectId: outcome.plan.id,
        caseId: outcome.plan.id,
        data: { messageId: id },
        occurredAt: createdAt,
      });
      day = Math.min(to, day + rng.int(0, 2));
    });
  }
}


/** The settlement days (5th, 15th and 25th of each month); the slips come from running the real settlement then. */
function addRemittance(ctx: Context, rows: DemoRows) {
  const { today, lastDay } = ctx;
  const firstDay = today - 183;
  const now = new Date(today * DAY_MS);
  for (const company of DEMO_COMPANIES) {
    for (let back = 6; back >= 0; back -= 1) {
      for (const dayOfMonth of [5, 15, 25]) {
        const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, dayOfMonth) / DAY_MS;
        if (day >= firstDay && day <= lastDay) rows.settlementDays.push({ companyId: company.id, day });
      }
    }
  }
}

// ---- Assembly and insert ------------------------------------------------------------------------------------

function buildDemoData(options: { today: number; caseNumbers: number[]; passwordHash: string; sealTotpSecret: () => string }): DemoRows {
  const rng = createRng(SEED);
  const idRng = createRng(SEED ^ 0x5eed);
  const lastDay = options.today - 1;
  const setupAt = new Date((options.today - 600) * DAY_MS + 8 * 60 * MINUTE_MS);
  const rows: DemoRows = {
    companies: [], users: [], memberships: [], secondFactors: [], debtors: [], cases: [], invoices: [], ledger: [], events: [],
    tasks: [], messages: [], slips: [], lines: [], payments: [], debtorPayments: [], settlementDays: [],
  };
  const newId = () => uuidFrom(idRng);

  DEMO_COMPANIES.forEach((company, index) => {
    rows.companies.push({
      id: company.id,
      name: company.name,
      organisationNumber: company.organisationNumber,
      payoutAccountNumber: company.payoutAccountNumber,
      autocollectEnabled: index === 1,
      accountingSystem: index === 1 ? 'tripletex' : null,
      createdAt: setupAt,
    });
  });
  const userIds = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const id = newId();
    userIds.set(user.email, id);
    rows.users.push({ id, email: user.email, name: user.name, passwordHash: options.passwordHash, locale: 'nb', isAgencyStaff: user.isAgencyStaff ?? false, createdAt: setupAt });
    rows.secondFactors.push({ id: newId(), userId: id, method: 'totp', secretEncrypted: options.sealTotpSecret(), confirmedAt: setupAt, createdAt: setupAt });
    for (const role of user.roles) rows.memberships.push({ id: newId(), companyId: role.companyId, userId: id, role: role.role, createdAt: setupAt });
  }
  const ctx: Context = {
    rng,
    newId,
    today: options.today,
    lastDay,
    agencyAccount: env().AGENCY_ACCOUNT_NUMBER,
    userIds: {
      admin: userIds.get('admin@demo.no') ?? '',
      writer: userIds.get('skriv@demo.no') ?? '',
      reader: userIds.get('les@demo.no') ?? '',
    },
  };

  const { plans, debtorRows } = planCases(ctx);
  const seen = new Set<string>();
  plans.forEach((plan, index) => {
    plan.caseNumber = options.caseNumbers[index] ?? 0;
    plan.kid = makeKid(`${plan.company.kidPrefix}${String(plan.caseNumber).padStart(8, '0')}`, 'mod10');
    if (!seen.has(plan.debtor.id)) {
      seen.add(plan.debtor.id);
      plan.debtor.createdAt = new Date(plan.registeredDay * DAY_MS + 5 * 60 * MINUTE_MS);
    }
  });
  rows.debtors.push(...debtorRows);
  const outcomes = plans.map((plan) => simulateCase(ctx, plan, rows));
  addTasks(ctx, outcomes, rows);
  addMessages(ctx, outcomes, rows);
  addRemittance(ctx, rows);
  return rows;
}

const CHUNK = 500;
const SEED_LOCK = 7_424_551;

async function insertChunked<T extends PgTable>(tx: Tx, table: T, rows: PgInsertValue<T>[]) {
  for (let start = 0; start < rows.length; start += CHUNK) await tx.insert(table).values(rows.slice(start, start + CHUNK));
}

async function hasCompanies(db: Database | Tx): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(companies);
  return (row?.n ?? 0) > 0;
}

/** Total number of demo cases (all companies). */
export const DEMO_CASE_COUNT = CASE_COUNTS.reduce((sum, n) => sum + n, 0);

/**
 * Fills an empty database with the demo companies, users (see demo-accounts.ts) and ~300 cases with their history,
 * in one transaction. Does nothing when any company exists. The data is the same on every run except that dates
 * are relative to `today` (default: the current UTC date), so the demo always looks fresh.
 */
export async function seedDemo(db: Database, options: { today?: string } = {}): Promise<{ seeded: boolean }> {
  if (await hasCompanies(db)) return { seeded: false };
  const today = dayNumber(options.today ?? new Date().toISOString().slice(0, 10));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    // Two seeders started at once (app start and CLI): the second waits here, then sees the companies.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (await hasCompanies(tx)) return { seeded: false };
    const numbers = await tx
      .select({ value: sql<number>`nextval('case_number_seq')`.mapWith(Number) })
      .from(sql`generate_series(1, ${DEMO_CASE_COUNT})`);
    const rows = buildDemoData({
      today,
      caseNumbers: numbers.map((row) => row.value).sort((a, b) => a - b),
      passwordHash,
      sealTotpSecret: () => encryptSecret(DEMO_TOTP_SECRET),
    });
    await insertChunked(tx, companies, rows.companies);
    await insertChunked(tx, users, rows.users);
    await insertChunked(tx, memberships, rows.memberships);
    await insertChunked(tx, secondFactors, rows.secondFactors);
    await insertChunked(tx, debtors, rows.debtors);
    await insertChunked(tx, cases, rows.cases);
    await insertChunked(tx, invoices, rows.invoices);
    await insertChunked(tx, ledgerEntries, rows.ledger);
    await insertChunked(tx, tasks, rows.tasks);
    await insertChunked(tx, messages, rows.messages);
    rows.events.sort((a, b) => (a.occurredAt as Date).getTime() - (b.occurredAt as Date).getTime());
    await insertChunked(tx, events, rows.events);
    await insertChunked(tx, debtorPayments, rows.debtorPayments);
    // The slips are what the settlement run makes of the seeded debtor payments, day by day, as in production.
    for (const { companyId, day } of rows.settlementDays) {
      await runSettlement(tx, companyId, isoDay(day), new Date(day * DAY_MS + 5 * 60 * MINUTE_MS));
    }
    return { seeded: true };
  });
}
