import type { Executor } from '@/db/client';
import { deliverOutboxRow } from '@/lib/email/deliver';
import type { SmsSender } from './sender';

/** Sends one pending outbox SMS through the outbox's one row delivery (lib/email/deliver.ts): once, or throws to retry. */
export async function deliverOutboxSms(db: Executor, sender: SmsSender, outboxId: string, options: { isLastAttempt?: boolean } = {}) {
  return deliverOutboxRow(
    db,
    'sms',
    outboxId,
    (row) => sender.send({ idempotencyKey: row.id, to: row.recipient, text: row.bodyText }),
    options.isLastAttempt,
  );
}
