import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { outbox, type OutboxAttachment } from '@/db/schema';
import type { Locale } from '@/lib/i18n/routing';
import type { EmailAttachment, EmailSender } from './sender';

/** Renders the files an outbox row refers to (the settlement's slips: lib/settlements/slips/attachments.ts). */
export type AttachmentRenderer = (
  db: Executor,
  companyId: string | null,
  locale: Locale,
  refs: OutboxAttachment[],
) => Promise<EmailAttachment[]>;

export type DeliveryResult = 'sent' | 'skipped';
type OutboxRow = typeof outbox.$inferSelect;
type OutboxChannel = OutboxRow['channel'];

/**
 * Sends one pending outbox row of `channel` (an email or an SMS) through `send`. A row that is no longer pending
 * (sent, failed, unknown) is skipped, so a duplicate job sends nothing; the outbox id is the provider's idempotency
 * key, so a crash after sending and before marking is harmless too. Throws when the provider fails (the job
 * retries with backoff); on the last attempt the row is marked failed.
 */
export async function deliverOutboxRow(
  db: Executor,
  channel: OutboxChannel,
  outboxId: string,
  send: (row: OutboxRow) => Promise<{ providerMessageId: string | null }>,
  isLastAttempt = false,
): Promise<DeliveryResult> {
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.id, outboxId), eq(outbox.status, 'pending')));
  if (!row || row.channel !== channel) return 'skipped';
  await db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1` })
    .where(eq(outbox.id, row.id));
  try {
    const { providerMessageId } = await send(row);
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
      .set({ lastError, ...(isLastAttempt ? { status: 'failed' as const } : {}) })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, 'pending')));
    throw error;
  }
}

/** Sends one pending outbox email; its attachments are rendered now, in the row's language (the row keeps references). */
export async function deliverOutboxEmail(
  db: Executor,
  sender: EmailSender,
  outboxId: string,
  options: { isLastAttempt?: boolean; renderAttachments?: AttachmentRenderer } = {},
): Promise<DeliveryResult> {
  return deliverOutboxRow(
    db,
    'email',
    outboxId,
    async (row) => {
      const refs = row.attachments ?? [];
      if (refs.length && !options.renderAttachments) throw new Error('attachments without a renderer');
      const attachments =
        refs.length && options.renderAttachments ? await options.renderAttachments(db, row.companyId, row.locale, refs) : [];
      return sender.send({
        idempotencyKey: row.id,
        to: row.recipient,
        subject: row.subject ?? '',
        text: row.bodyText,
        html: row.bodyHtml ?? '',
        ...(row.headers ? { headers: row.headers } : {}),
        ...(attachments.length ? { attachments } : {}),
      });
    },
    options.isLastAttempt,
  );
}

/** Pending rows of `channel` that no delivery was ever attempted for, older than `olderThanMs`: their job was lost. */
export async function listUndeliveredOutboxIds(db: Executor, channel: OutboxChannel, olderThanMs: number, limit = 100): Promise<string[]> {
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, 'pending'),
        eq(outbox.channel, channel),
        eq(outbox.attempts, 0),
        lt(outbox.createdAt, new Date(Date.now() - olderThanMs)),
      ),
    )
    .orderBy(asc(outbox.createdAt))
    .limit(limit);
  return rows.map((row) => row.id);
}
