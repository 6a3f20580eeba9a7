import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { outbox } from '@/db/schema';
import { isDemo } from '@/lib/env';
import { isDevMailboxEnabled } from './dev-mailbox';

export function devMailboxEnabled(): boolean {
  return isDevMailboxEnabled(isDemo(), process.env.NODE_ENV);
}

/** Not tenant-scoped on purpose: a development tool that stands in for the recipients' inboxes. */
export async function listMailboxEmails(limit = 100) {
  return db
    .select({
      id: outbox.id,
      recipient: outbox.recipient,
      subject: outbox.subject,
      bodyText: outbox.bodyText,
      status: outbox.status,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(eq(outbox.channel, 'email'))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}
