import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { memberships, notificationDigests, users, type PendingNotification } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/routing';
import { taskTitle, taskTitleParams, type SystemTask } from '@/lib/i18n/task-text';
import { notificationLinks } from './links';
import type { NotificationKind } from './token';

/** At most one email per user per kind in this window; what happens meanwhile goes into the next summary. */
export const NOTIFICATION_WINDOW_MS = 10 * 60 * 1000;

export type NotificationCause = {
  kind: NotificationKind;
  companyId: string;
  caseId: string;
  caseNumber: number;
  /** A task's title; null for a message (its text stays in the portal). */
  title: string | null;
  /** A task the system wrote: its title is read in each recipient's language. */
  task?: SystemTask;
  /** Whoever acted is never emailed about it (null: the debtor, from Min side). */
  actorUserId: string | null;
};

type Recipient = { id: string; email: string; locale: Locale };

/** The company's users (every member sees every case of it) with this kind switched on, except the actor. */
async function recipientsFor(tx: Executor, cause: NotificationCause): Promise<Recipient[]> {
  const setting = cause.kind === 'tasks' ? users.notifyTasks : users.notifyMessages;
  return tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.companyId, cause.companyId),
        eq(setting, true),
        eq(users.isAgencyStaff, false),
        sql`${users.deletedAt} is null`,
        cause.actorUserId ? ne(users.id, cause.actorUserId) : undefined,
      ),
    );
}

/** The user's digest row for this kind, created on first use and locked for the rest of the transaction. */
async function lockDigest(tx: Executor, userId: string, kind: NotificationKind) {
  await tx.insert(notificationDigests).values({ userId, kind }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(notificationDigests)
    .where(and(eq(notificationDigests.userId, userId), eq(notificationDigests.kind, kind)))
    .for('update');
  if (!row) throw new Error('notification digest vanished');
  return row;
}

/** Writes one notification email (a single event, or a summary of several) for a recipient to the outbox. */
export async function enqueueNotificationEmail(
  tx: Executor,
  recipient: Recipient,
  kind: NotificationKind,
  items: PendingNotification[],
  now: Date,
): Promise<string> {
  const { PORTAL_URL, AUTH_SECRET } = env();
  const links = notificationLinks(PORTAL_URL, AUTH_SECRET, recipient, kind, now);
  return enqueueEmail(tx, {
    companyId: items.length === 1 ? (items[0]?.companyId ?? null) : null,
    recipient: recipient.email,
    locale: recipient.locale,
    email: {
      template: 'notification',
      kind,
      items: items.map((item) => ({
        caseNumber: item.caseNumber,
        title: item.task && item.title !== null ? taskTitle({ ...item.task, title: item.title }, recipient.locale) : item.title,
        caseUrl: links.caseUrl(item.caseId),
      })),
      overviewUrl: links.overviewUrl,
      settingsUrl: links.settingsUrl,
      unsubscribeUrl: links.unsubscribeUrl,
    },
    data: { kind, userId: recipient.id, count: items.length },
    headers: links.headers,
  });
}

/**
 * Inside the transaction of the task or message: for each recipient, an email now if none of this kind went out
 * in the last 10 minutes (with anything still pending), else the event waits in the digest for the summary job.
 * Returns the outbox ids to dispatch after the commit.
 */
export async function notifyCompanyUsers(tx: Executor, cause: NotificationCause, now = new Date()): Promise<string[]> {
  const item: PendingNotification = {
    companyId: cause.companyId,
    caseId: cause.caseId,
    caseNumber: cause.caseNumber,
    title: cause.title,
    ...(cause.task ? { task: { kind: cause.task.kind, params: taskTitleParams(cause.task) } } : {}),
    at: now.toISOString(),
  };
  const outboxIds: string[] = [];
  for (const recipient of await recipientsFor(tx, cause)) {
    const digest = await lockDigest(tx, recipient.id, cause.kind);
    const quiet = !digest.lastSentAt || now.getTime() - digest.lastSentAt.getTime() >= NOTIFICATION_WINDOW_MS;
    if (quiet) {
      outboxIds.push(await enqueueNotificationEmail(tx, recipient, cause.kind, [...digest.pending, item], now));
      await tx
        .update(notificationDigests)
        .set({ lastSentAt: now, pending: [], pendingCount: 0 })
        .where(eq(notificationDigests.id, digest.id));
    } else {
      await tx
        .update(notificationDigests)
        .set({ pending: [...digest.pending, item], pendingCount: digest.pendingCount + 1 })
        .where(eq(notificationDigests.id, digest.id));
    }
  }
  return outboxIds;
}
