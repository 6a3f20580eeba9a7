import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { notificationDigests, users } from '@/db/schema';
import { NOTIFICATION_WINDOW_MS, enqueueNotificationEmail } from './notify';

export const NOTIFICATION_SUMMARY_JOB = 'notification-summaries';

/**
 * The scheduled job's work: every digest whose window has passed with events waiting gets one summary email.
 * Rows are claimed with FOR UPDATE SKIP LOCKED and emptied in the same transaction as the outbox insert, so two
 * workers running at once send each summary exactly once. A user who turned the kind off meanwhile gets none.
 */
export async function sendDueSummaries(db: Database, now = new Date(), batchSize = 200): Promise<string[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        id: notificationDigests.id,
        kind: notificationDigests.kind,
        pending: notificationDigests.pending,
        user: {
          id: users.id,
          email: users.email,
          locale: users.locale,
          notifyTasks: users.notifyTasks,
          notifyMessages: users.notifyMessages,
          deletedAt: users.deletedAt,
        },
      })
      .from(notificationDigests)
      .innerJoin(users, eq(users.id, notificationDigests.userId))
      .where(
        and(gt(notificationDigests.pendingCount, 0), lte(notificationDigests.lastSentAt, new Date(now.getTime() - NOTIFICATION_WINDOW_MS))),
      )
      .orderBy(notificationDigests.lastSentAt)
      .limit(batchSize)
      .for('update', { of: notificationDigests, skipLocked: true });
    const outboxIds: string[] = [];
    for (const digest of due) {
      const wanted = digest.kind === 'tasks' ? digest.user.notifyTasks : digest.user.notifyMessages;
      if (wanted && !digest.user.deletedAt && digest.pending.length > 0) {
        outboxIds.push(await enqueueNotificationEmail(tx, digest.user, digest.kind, digest.pending, now));
        await tx
          .update(notificationDigests)
          .set({ lastSentAt: now, pending: [], pendingCount: 0 })
          .where(eq(notificationDigests.id, digest.id));
      } else {
        await tx
          .update(notificationDigests)
          .set({ pending: [], pendingCount: sql`0` })
          .where(eq(notificationDigests.id, digest.id));
      }
    }
    return outboxIds;
  });
}
