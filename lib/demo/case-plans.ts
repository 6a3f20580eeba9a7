import { DEMO_COMPANIES } from '@/lib/demo/accounts';
import { planActions } from '@/lib/demo/case-actions';
import { creditorUser, type CasePlan, type CaseSource, type Context, type DebtorPlan, type InvoicePlan } from '@/lib/demo/context';
import { DAY_MS } from '@/lib/dates';
import { makeDebtor } from '@/lib/demo/debtors';
import type { Rng } from '@/lib/demo/random';

// Which cases the demo companies get: their debtors, registration days, invoices and the creditor's and debtor's
// actions on them (case numbers come later).

export const CASE_COUNTS = [180, 60, 60] as const;
const HISTORY_DAYS = 540;
const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

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

/** Log-uniform between 500 kr and 80 000 kr; most amounts are whole kroner. */
function invoiceAmountOre(rng: Rng): number {
  const ore = Math.round(Math.exp(Math.log(50_000) + rng.next() * (Math.log(8_000_000) - Math.log(50_000))));
  return rng.chance(0.6) ? Math.round(ore / 100) * 100 : ore;
}

export function planCases(ctx: Context): { plans: CasePlan[]; debtorRows: DebtorPlan[] } {
  const { rng } = ctx;
  const plans: Omit<CasePlan, 'caseNumber' | 'kid' | 'invoices' | 'actions' | 'legalConfirmAfterDays' | 'registeredBy'>[] = [];
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
    return {
      ...plan,
      caseNumber: 0,
      kid: '',
      invoices: invoicesOfCase,
      registeredBy: plan.source === 'autocollect' ? null : creditorUser(ctx, plan.companyIndex),
      actions: planActions(ctx, plan.companyIndex, plan.registeredDay),
      // Most cases the desk sends to legal collection within three weeks of the demand's deadline; some never.
      legalConfirmAfterDays: rng.chance(0.85) ? rng.int(1, 21) : null,
    };
  });
  return { plans: full, debtorRows };
}
