import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { cases, companies, debtors, memberships, messages, tasks, users } from '@/db/schema';
import { CASE_TASK_COLUMNS, type CaseTaskRow } from '@/lib/tasks/queries';
import { claimToday } from '@/lib/cases/claim-today';
import { todayInOslo } from '@/lib/dates';

// The desk's reads. The desk sees every company's cases: callers have passed requireStaff().

/** Every company, for the search's company filter. */
export async function listAllCompanies() {
  return db.select({ companyId: companies.id, companyName: companies.name }).from(companies).orderBy(asc(companies.name));
}

export async function getDeskCase(caseId: string) {
  const [row] = await db
    .select({
      id: cases.id,
      companyId: cases.companyId,
      companyName: companies.name,
      caseNumber: cases.caseNumber,
      status: cases.status,
      stage: cases.stage,
      currency: cases.currency,
      balanceOre: cases.balanceOre,
      originalAmountOre: cases.originalAmountOre,
      registeredAt: cases.registeredAt,
      debtorName: debtors.name,
      customerNumber: debtors.customerNumber,
    })
    .from(cases)
    .innerJoin(companies, eq(companies.id, cases.companyId))
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .where(eq(cases.id, caseId));
  return row ?? null;
}

/** A desk case's claim today (lib/cases/claim-today.ts): the figure the creditor's page shows as Utestående. */
export async function getDeskCaseClaim(found: { companyId: string; id: string }, today: string = todayInOslo()) {
  return claimToday(db, found.companyId, found.id, today);
}

/** The company's users, for "assign to": whom a task is for (not an access decision). */
export async function listCompanyUsers(companyId: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.companyId, companyId), sql`${users.deletedAt} is null`))
    .orderBy(asc(users.name));
}

export type DeskTaskRow = CaseTaskRow;

/** Every task of the case, closed ones too, newest first. */
export async function listDeskCaseTasks(companyId: string, caseId: string): Promise<DeskTaskRow[]> {
  return db
    .select(CASE_TASK_COLUMNS)
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.assignedUserId))
    .where(and(eq(tasks.companyId, companyId), eq(tasks.caseId, caseId)))
    .orderBy(desc(tasks.createdAt), desc(tasks.id))
    .limit(200);
}

export type ThreadMessage = {
  id: string;
  fromAgency: boolean;
  fromDebtor: boolean;
  toDebtor: boolean;
  sharedWithCreditor: boolean;
  body: string;
  createdAt: Date;
  authorName: string | null;
};

/** The case's message thread, oldest first (a conversation reads downwards). */
export async function listCaseThread(companyId: string, caseId: string): Promise<ThreadMessage[]> {
  return db
    .select({
      id: messages.id,
      fromAgency: messages.fromAgency,
      fromDebtor: messages.fromDebtor,
      toDebtor: messages.toDebtor,
      sharedWithCreditor: messages.sharedWithCreditor,
      body: messages.body,
      createdAt: messages.createdAt,
      authorName: users.name,
    })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorUserId))
    .where(and(eq(messages.companyId, companyId), eq(messages.caseId, caseId)))
    .orderBy(asc(messages.createdAt), asc(messages.id))
    .limit(500);
}

export type DeskTaskListRow = {
  id: string;
  caseId: string;
  caseNumber: number;
  companyName: string;
  debtorName: string;
  title: string;
  kind: string | null;
  params: unknown;
  status: 'open' | 'answered' | 'closed';
  dueOn: string | null;
  createdAt: Date;
  answeredAt: Date | null;
};

/** The desk's task list across companies: answered ones first wait for the case handler to read and close. */
export async function listDeskTasks(status: 'open' | 'answered' | 'closed'): Promise<DeskTaskListRow[]> {
  return db
    .select({
      id: tasks.id,
      caseId: tasks.caseId,
      caseNumber: cases.caseNumber,
      companyName: companies.name,
      debtorName: debtors.name,
      title: tasks.title,
      kind: tasks.kind,
      params: tasks.params,
      status: tasks.status,
      dueOn: tasks.dueOn,
      createdAt: tasks.createdAt,
      answeredAt: tasks.answeredAt,
    })
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .innerJoin(companies, eq(companies.id, tasks.companyId))
    .where(eq(tasks.status, status))
    .orderBy(desc(sql`coalesce(${tasks.answeredAt}, ${tasks.createdAt})`), desc(tasks.id))
    .limit(100);
}
