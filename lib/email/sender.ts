import { Resend } from 'resend';

export type OutgoingEmail = {
  /** The outbox row id; providers use it as the idempotency key, so a retry never sends twice. */
  idempotencyKey: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post on notifications). */
  headers?: Record<string, string>;
  /** Files rendered at send time from the outbox row's references (a remittance slip's PDF). */
  attachments?: EmailAttachment[];
};

export type EmailAttachment = { filename: string; content: Buffer; contentType: string };

/** The only thing beyond our network boundary: tests pass a fake, production uses Resend. */
export type EmailSender = {
  send(email: OutgoingEmail): Promise<{ providerMessageId: string | null }>;
};

export function createResendSender(apiKey: string, from: string): EmailSender {
  const resend = new Resend(apiKey);
  return {
    async send(email) {
      const { data, error } = await resend.emails.send(
        {
          from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          ...(email.headers ? { headers: email.headers } : {}),
          ...(email.attachments?.length
            ? { attachments: email.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })) }
            : {}),
        },
        { idempotencyKey: `outbox/${email.idempotencyKey}` },
      );
      if (error) throw new Error(`Resend refused the email: ${error.name}: ${error.message}`);
      return { providerMessageId: data?.id ?? null };
    },
  };
}

/** Resend when RESEND_API_KEY is set; otherwise null, and emails wait in the outbox (development mailbox). */
export function configuredSender(source: { RESEND_API_KEY?: string; EMAIL_FROM: string }): EmailSender | null {
  return source.RESEND_API_KEY ? createResendSender(source.RESEND_API_KEY, source.EMAIL_FROM) : null;
}
