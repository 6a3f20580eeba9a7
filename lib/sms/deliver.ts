import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { outbox } from '@/db/schema';
import type { SmsSender } from './sender';

/**
 * Sends one pending outbox SMS, like deliverOutboxEmail: a row no longer pending is skipped, the outbox id is the
 * idempotency key, and a provider failure throws (the job retries); the last attempt marks the row failed.
 */
export async function deliverOutboxSms(db: Executor, sender: SmsSender, outboxId: string, options: { isLastAttempt?: boolean } = {}) {
  const [row] = await db.select().from(outbox).where(and(eq(outbox.id, outboxId), eq(outbox.status, 'pending')));
  if (!row || row.channel !== 'sms') return 'skipped' as const;
  await db.update(outbox).set({ attempts: sql`${outbox.attempts} + 1` }).where(eq(outbox.id, row.id));
  try {
    const { providerMessageId } = await sender.send({ idempotencyKey: row.id, to: row.recipient, text: row.bodyText });
    // As for emails: the text holds a live sign-in or confirmation code, which must not outlive delivery at rest.
    await db
      .update(outbox)
      .set({ status: 'sent', sentAt: new Date(), providerMessageId, lastError: null, bodyText: '' })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, 'pending')));
    return 'sent' as const;
  } catch (error) {
    const lastError = error instanceof Error ? error.message.slice(0, 1000) : 'unknown error';
    await db
      .update(outbox)
      .set({ lastError, ...(options.isLastAttempt ? { status: 'failed' as const } : {}) })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, 'pending')));
    throw error;
  }
}

/** Pending SMS never attempted, older than `olderThanMs`: their job was lost. */
export async function listUndeliveredSmsIds(db: Executor, olderThanMs: number, limit = 100): Promise<string[]> {
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), eq(outbox.channel, 'sms'), eq(outbox.attempts, 0), lt(outbox.createdAt, new Date(Date.now() - olderThanMs))))
    .orderBy(asc(outbox.createdAt))
    .limit(limit);
  return rows.map((row) => row.id);
}
