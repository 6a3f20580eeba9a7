import 'server-only';
import { and, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { db } from '@/db';
import { cases, companies, debtors, tasks, users } from '@/db/schema';

export const TASK_LIST_LIMIT = 100;

export type TaskFilter = 'open' | 'answered';

export type MyTaskRow = {
  id: string;
  caseId: string;
  caseNumber: number;
  companyName: string;
  debtorName: string;
  title: string;
  kind: string | null;
  params: unknown;
  dueOn: string | null;
  createdAt: Date;
  answeredAt: Date | null;
};

/** Tasks for this user: assigned to them, or to one of their companies with no assignee. */
function mine(userId: string, companyIds: readonly string[]) {
  return and(inArray(tasks.companyId, [...companyIds]), or(eq(tasks.assignedUserId, userId), isNull(tasks.assignedUserId)));
}

/** Innsikt's list, newest first: open tasks, or the answered ones (the filter). */
export async function listMyTasks(userId: string, companyIds: readonly string[], filter: TaskFilter): Promise<MyTaskRow[]> {
  if (companyIds.length === 0) return [];
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
      dueOn: tasks.dueOn,
      createdAt: tasks.createdAt,
      answeredAt: tasks.answeredAt,
    })
    .from(tasks)
    .innerJoin(cases, and(eq(cases.id, tasks.caseId), eq(cases.companyId, tasks.companyId)))
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .innerJoin(companies, eq(companies.id, tasks.companyId))
    .where(and(mine(userId, companyIds), eq(tasks.status, filter)))
    .orderBy(desc(tasks.createdAt), desc(tasks.id))
    .limit(TASK_LIST_LIMIT);
}

/** The count beside Innsikt in the navigation. */
export async function countMyOpenTasks(userId: string, companyIds: readonly string[]): Promise<number> {
  if (companyIds.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(and(mine(userId, companyIds), eq(tasks.status, 'open')));
  return row?.n ?? 0;
}

export type CaseTaskRow = {
  id: string;
  title: string;
  body: string;
  kind: string | null;
  params: unknown;
  status: 'open' | 'answered' | 'closed';
  dueOn: string | null;
  createdAt: Date;
  answer: string | null;
  answeredAt: Date | null;
  answeredByName: string | null;
  assignedUserName: string | null;
};

/** What a task row on a case shows, for the creditor's case page and the desk's (join users on the assignee). */
export const CASE_TASK_COLUMNS = {
  id: tasks.id,
  title: tasks.title,
  body: tasks.body,
  kind: tasks.kind,
  params: tasks.params,
  status: tasks.status,
  dueOn: tasks.dueOn,
  createdAt: tasks.createdAt,
  answer: tasks.answer,
  answeredAt: tasks.answeredAt,
  answeredByName: sql<string | null>`(select u.name from users u where u.id = ${tasks.answeredByUserId})`,
  assignedUserName: users.name,
};

/** The case's tasks that still concern the creditor (open or answered, not closed), open first. */
export async function listCaseTasks(companyId: string, caseId: string): Promise<CaseTaskRow[]> {
  return db
    .select(CASE_TASK_COLUMNS)
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.assignedUserId))
    .where(and(eq(tasks.companyId, companyId), eq(tasks.caseId, caseId), ne(tasks.status, 'closed')))
    .orderBy(sql`${tasks.status} = 'open' desc`, desc(tasks.createdAt))
    .limit(TASK_LIST_LIMIT);
}
