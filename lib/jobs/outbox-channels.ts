import type { Database } from '@/db/client';
import { deliverOutboxEmail, listUndeliveredOutboxIds } from '@/lib/email/deliver';
import type { EmailSender } from '@/lib/email/sender';
import { deliverWebhook, listPendingDeliveryIds } from '@/lib/integrations/webhooks/deliver';
import type { Resolver, WebhookPost } from '@/lib/integrations/webhooks/post';
import { renderAttachments } from '@/lib/settlements/slips/attachments';
import { deliverOutboxSms } from '@/lib/sms/deliver';
import type { SmsSender } from '@/lib/sms/sender';
import type { RetryPolicy } from '@/lib/queue/kicks';
import type { OutboxChannel } from './outbox-delivery';

// The outbox's three channels for lib/jobs/outbox-delivery.ts: what each sends through, and its retry ladder.

export type EmailDeliveryOptions = {
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A pending email never attempted after this long lost its job (crash after commit): the sweep queues it. */
  sweepAfterMs?: number;
};

export type WebhookDeliveryOptions = {
  retryLimit?: number;
  retryDelaySeconds?: number;
  post?: WebhookPost;
  /** Tests resolve names through their own resolver (no real DNS). */
  resolve?: Resolver;
  timeoutMs?: number;
};

export function emailChannel(db: Database, sender: EmailSender, options: EmailDeliveryOptions = {}): OutboxChannel {
  return {
    policy: { ...DEFAULT_RETRY, ...options },
    deliver: (id, isLastAttempt) => deliverOutboxEmail(db, sender, id, { isLastAttempt, renderAttachments }),
    lost: () => listUndeliveredOutboxIds(db, 'email', options.sweepAfterMs ?? 60_000),
  };
}

/** The retry ladders: email and webhooks 8 × from 30 s (backoff), SMS 4 × from 5 s (its codes expire in 5 minutes). */
export const DEFAULT_RETRY: RetryPolicy = { retryLimit: 8, retryDelaySeconds: 30 };
export const SMS_RETRY: RetryPolicy = { retryLimit: 4, retryDelaySeconds: 5 };

export type SmsDeliveryOptions = { retryLimit?: number; retryDelaySeconds?: number };

/** SMS codes expire in 5 minutes: a short retry ladder. */
export function smsChannel(db: Database, sender: SmsSender, options: SmsDeliveryOptions = {}): OutboxChannel {
  return {
    policy: { ...SMS_RETRY, ...options },
    deliver: (id, isLastAttempt) => deliverOutboxSms(db, sender, id, { isLastAttempt }),
    lost: () => listUndeliveredOutboxIds(db, 'sms', 30_000),
  };
}

/** The event writer queues webhook deliveries in the change's transaction; the sweep picks up every pending one. */
export function webhookChannel(db: Database, options: WebhookDeliveryOptions = {}): OutboxChannel {
  return {
    policy: { ...DEFAULT_RETRY, ...options },
    deliver: async (id, isLastAttempt) => {
      const outcome = await deliverWebhook(db, id, {
        post: options.post,
        resolve: options.resolve,
        timeoutMs: options.timeoutMs,
        isLastAttempt,
      });
      return outcome === 'delivered' ? 'sent' : outcome;
    },
    lost: () => listPendingDeliveryIds(db, 0),
  };
}
