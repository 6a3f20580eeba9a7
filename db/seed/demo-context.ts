import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type {
  caseCollection,
  letters,
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
import type { Rng } from '@/db/seed/random';
import type { DEMO_COMPANIES } from '@/db/seed/demo-accounts';

// What the parts of the demo build share: the plan and outcome of a case, the rows being collected, the context.

export type CaseSource = 'manual' | 'import' | 'autocollect';
export type Stage = 'reminder' | 'notice' | 'demand' | 'legal' | 'surveillance' | 'closed';
export type Status = 'active' | 'paused' | 'withdrawn' | 'closed';
export type LetterKind = 'reminder' | 'notice' | 'demand' | 'legal_notice';
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
};

export type Payment = { companyIndex: number; caseId: string; day: number; amountOre: number; isDirect: boolean };

export type CaseOutcome = {
  plan: CasePlan;
  status: Status;
  stageChanges: { day: number; stage: Stage }[];
  /** Last day on which tasks and messages may appear on the case. */
  lastActiveDay: number;
};

export type DemoUserIds = { admin: string; writer: string; reader: string };

export type Context = {
  rng: Rng;
  newId: () => string;
  today: number;
  lastDay: number;
  agencyAccount: string;
  userIds: DemoUserIds;
};

export type DemoRows = {
  companies: Row<typeof companies>[];
  users: Row<typeof users>[];
  memberships: Row<typeof memberships>[];
  secondFactors: Row<typeof secondFactors>[];
  debtors: Row<typeof debtors>[];
  cases: Row<typeof cases>[];
  invoices: Row<typeof invoices>[];
  ledger: Row<typeof ledgerEntries>[];
  events: Row<typeof events>[];
  letters: Row<typeof letters>[];
  collection: Row<typeof caseCollection>[];
  tasks: Row<typeof tasks>[];
  messages: Row<typeof messages>[];
  slips: Row<typeof remittanceSlips>[];
  lines: Row<typeof remittanceLines>[];
  payments: Payment[];
  debtorPayments: Row<typeof debtorPayments>[];
  settlementDays: { companyId: string; day: number }[];
};

/** Creditor-side actor in the company: the writer or the admin in the first company, the admin elsewhere. */
export function creditorUser(ctx: Context, companyIndex: number): string {
  return companyIndex === 0 && ctx.rng.chance(0.6) ? ctx.userIds.writer : ctx.userIds.admin;
}
