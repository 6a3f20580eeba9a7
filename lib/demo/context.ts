import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { companies, debtors, events, memberships, messages, secondFactors, tasks, users } from '@/db/schema';
import type { Rng } from '@/lib/demo/random';
import type { DEMO_COMPANIES } from '@/lib/demo/accounts';

// What the parts of the demo build share: the plan and outcome of a case, the rows being collected, the context.

export type CaseSource = 'manual' | 'import' | 'autocollect';
export type PaymentSource = 'agency' | 'creditor' | 'autocollect';

/** What happens to a case besides its letters, in day order (lib/demo/case-actions.ts plans them). */
export type Action =
  | { day: number; kind: 'pay'; source: PaymentSource; actor: string }
  | { day: number; kind: 'instalment'; source: PaymentSource; actor: string; percent: number }
  | { day: number; kind: 'credit'; actor: string; percent: number }
  | { day: number; kind: 'withdraw'; actor: string; reason: string }
  | { day: number; kind: 'pause' | 'resume'; actor: string };
export type Stage = 'reminder' | 'notice' | 'demand' | 'legal' | 'surveillance' | 'closed';
export type Status = 'active' | 'paused' | 'withdrawn' | 'closed';
export type Company = (typeof DEMO_COMPANIES)[number];

export type Row<T extends PgTable> = PgInsertValue<T>;

export type DebtorPlan = Row<typeof debtors> & { id: string; createdAt?: Date };
export type InvoicePlan = { id: string; number: string; issuedDay: number; dueDay: number; amountOre: number; description: string };
export type CasePlan = {
  id: string;
  companyIndex: number;
  company: Company;
  debtor: DebtorPlan;
  source: CaseSource;
  registeredDay: number;
  caseNumber: number;
  kid: string;
  invoices: InvoicePlan[];
  /** The creditor's user who registered the case; null: AutoCollect. */
  registeredBy: string | null;
  /** What the creditor and the debtor do on the case, in day order (the engine does the rest). */
  actions: Action[];
  /** Days the desk takes to confirm legal collection once the demand's deadline has passed; null: it never does. */
  legalConfirmAfterDays: number | null;
};

export type CaseOutcome = {
  plan: CasePlan;
  status: Status;
  stageChanges: { day: number; stage: Stage }[];
  /** Last day on which tasks and messages may appear on the case. */
  lastActiveDay: number;
};

export type DemoUserIds = { admin: string; writer: string; reader: string; staff: string };

export type Context = {
  rng: Rng;
  newId: () => string;
  today: number;
  lastDay: number;
  agencyAccount: string;
  userIds: DemoUserIds;
};

/** The rows built in memory before the clock runs; cases and everything on them are written day by day. */
export type DemoRows = {
  companies: Row<typeof companies>[];
  users: Row<typeof users>[];
  memberships: Row<typeof memberships>[];
  secondFactors: Row<typeof secondFactors>[];
  debtors: Row<typeof debtors>[];
  events: Row<typeof events>[];
  tasks: Row<typeof tasks>[];
  messages: Row<typeof messages>[];
  settlementDays: { companyId: string; day: number }[];
};

/** Creditor-side actor in the company: the writer or the admin in the first company, the admin elsewhere. */
export function creditorUser(ctx: Context, companyIndex: number): string {
  return companyIndex === 0 && ctx.rng.chance(0.6) ? ctx.userIds.writer : ctx.userIds.admin;
}
