import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { outbox, type OutboxAttachment } from '@/db/schema';
import type { Locale } from '@/lib/i18n/routing';
import type { EmailAttachment, EmailSender } from './sender';

/** Renders the files an outbox row refers to (the settlement's slips: lib/settlements/slips/attachments.ts). */
export type AttachmentRenderer = (db: Executor, companyId: string | null, locale: Locale, refs: OutboxAttachment[]) => Promise<EmailAttachment[]>;

export type DeliveryResult = 'sent' | 'skipped';

/**
 * Sends one pending outbox email. A row that is no longer pending (sent, failed, unknown) is skipped, so a
 * duplicate job sends nothing; the outbox id is the provider's idempotency key, so a crash after sending and
 * before marking is harmless too. Throws when the provider fails (the job retries with backoff); on the last
 * attempt the row is marked failed.
 */
export async function deliverOutboxEmail(
  db: Executor,
  sender: EmailSender,
  outboxId: string,
  options: { isLastAttempt?: boolean; renderAttachments?: AttachmentRenderer } = {},
): Promise<DeliveryResult> {
  const [row] = await db.select().from(outbox).where(and(eq(outbox.id, outboxId), eq(outbox.status, 'pending')));
  if (!row || row.channel !== 'email') return 'skipped';
  await db.update(outbox).set({ attempts: sql`${outbox.attempts} + 1` }).where(eq(outbox.id, row.id));
  try {
    // Rendered now, not stored: the row keeps only the reference, and the file follows the row's language.
    const refs = row.attachments ?? [];
    if (refs.length && !options.renderAttachments) throw new Error('attachments without a renderer');
    const attachments = refs.length && options.renderAttachments ? await options.renderAttachments(db, row.companyId, row.locale, refs) : [];
    const { providerMessageId } = await sender.send({
      idempotencyKey: row.id,
      to: row.recipient,
      subject: row.subject ?? '',
      text: row.bodyText,
      html: row.bodyHtml ?? '',
      ...(row.headers ? { headers: row.headers } : {}),
      ...(attachments.length ? { attachments } : {}),
    });
    // Conditional: only the first of two racing deliveries marks the row. The body goes: it may hold a live
    // invitation link or a code, which must not outlive the delivery at rest (subject and template stay).
    await db
      .update(outbox)
      .set({ status: 'sent', sentAt: new Date(), providerMessageId, lastError: null, bodyText: '', bodyHtml: null })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, 'pending')));
    return 'sent';
  } catch (error) {
    const lastError = error instanceof Error ? error.message.slice(0, 1000) : 'unknown error';
    await db
      .update(outbox)
      .set({ lastError, ...(options.isLastAttempt ? { status: 'failed' as const } : {}) })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, 'pending')));
    throw error;
  }
}

/** Pending emails that no delivery was ever attempted for, older than `olderThanMs`: their job was lost. */
export async function listUndeliveredOutboxIds(db: Executor, olderThanMs: number, limit = 100): Promise<string[]> {
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), eq(outbox.channel, 'email'), eq(outbox.attempts, 0), lt(outbox.createdAt, new Date(Date.now() - olderThanMs))))
    .orderBy(asc(outbox.createdAt))
    .limit(limit);
  return rows.map((row) => row.id);
}
