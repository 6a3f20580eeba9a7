import type { Executor } from '@/db/client';
import { outbox } from '@/db/schema';
import type { Locale } from '@/lib/i18n/routing';

/** Writes an SMS to the outbox inside the caller's transaction; it leaves only if the change commits. */
export async function enqueueSms(
  tx: Executor,
  message: { recipient: string; locale: Locale; template: string; text: string },
): Promise<string> {
  const [row] = await tx
    .insert(outbox)
    .values({
      companyId: null,
      channel: 'sms',
      recipient: message.recipient,
      locale: message.locale,
      template: message.template,
      bodyText: message.text,
    })
    .returning({ id: outbox.id });
  if (!row) throw new Error('outbox insert returned nothing');
  return row.id;
}
