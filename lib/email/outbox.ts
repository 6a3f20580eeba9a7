import type { Executor } from '@/db/client';
import { outbox, type OutboxAttachment } from '@/db/schema';
import type { Locale } from '@/lib/i18n/routing';
import { renderEmail, type EmailTemplate } from './render';

/**
 * Writes an email to the outbox inside the caller's transaction: it is sent only if the change commits,
 * and the outbox job (lib/jobs/outbox-delivery.ts) sends it afterwards. Returns the outbox id.
 */
export async function enqueueEmail(
  tx: Executor,
  message: {
    companyId: string | null;
    recipient: string;
    locale: Locale;
    email: EmailTemplate;
    data?: Record<string, unknown>;
    headers?: Record<string, string>;
    /** References only; the delivery job renders the files (lib/settlements/slips/attachments.ts). */
    attachments?: OutboxAttachment[];
  },
): Promise<string> {
  const rendered = renderEmail(message.locale, message.email);
  const [row] = await tx
    .insert(outbox)
    .values({
      companyId: message.companyId,
      channel: 'email',
      recipient: message.recipient,
      locale: message.locale,
      template: message.email.template,
      subject: rendered.subject,
      bodyText: rendered.text,
      bodyHtml: rendered.html,
      data: message.data ?? {},
      headers: message.headers ?? null,
      attachments: message.attachments?.length ? message.attachments : null,
    })
    .returning({ id: outbox.id });
  if (!row) throw new Error('outbox insert returned nothing');
  return row.id;
}
