import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { outbox } from '@/db/schema';
import { isDemo } from '@/lib/env';
import { isDevMailboxEnabled } from './dev-mailbox';

export function devMailboxEnabled(): boolean {
  return isDevMailboxEnabled(isDemo(), process.env.NODE_ENV);
}

/** Not tenant-scoped on purpose: a development tool that stands in for the recipients' inboxes and phones (SMS). */
export async function listMailboxEmails(limit = 100) {
  return db
    .select({
      id: outbox.id,
      channel: outbox.channel,
      recipient: outbox.recipient,
      subject: outbox.subject,
      bodyText: outbox.bodyText,
      status: outbox.status,
      attachments: outbox.attachments,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}

/** One outbox row's attachment reference, for the mailbox's download link. */
export async function getMailboxAttachment(outboxId: string, index: number) {
  const [row] = await db.select({ companyId: outbox.companyId, locale: outbox.locale, attachments: outbox.attachments }).from(outbox).where(eq(outbox.id, outboxId));
  const ref = row?.attachments?.[index];
  return row && ref ? { companyId: row.companyId, locale: row.locale, ref } : null;
}
