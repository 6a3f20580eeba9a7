import type { Database } from '@/db/client';
import { deliverOutboxEmail, listUndeliveredOutboxIds } from '@/lib/email/deliver';
import type { EmailSender } from '@/lib/email/sender';
import { deliverWebhook, listPendingDeliveryIds } from '@/lib/integrations/webhooks/deliver';
import type { Resolver, WebhookPost } from '@/lib/integrations/webhooks/post';
import { renderAttachments } from '@/lib/settlements/slips/attachments';
import { deliverOutboxSms } from '@/lib/sms/deliver';
import type { SmsSender } from '@/lib/sms/sender';
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
    policy: { retryLimit: options.retryLimit ?? 8, retryDelaySeconds: options.retryDelaySeconds ?? 30 },
    deliver: (id, isLastAttempt) => deliverOutboxEmail(db, sender, id, { isLastAttempt, renderAttachments }),
    lost: () => listUndeliveredOutboxIds(db, 'email', options.sweepAfterMs ?? 60_000),
  };
}

/** SMS codes expire in 5 minutes: a short retry ladder. */
export function smsChannel(db: Database, sender: SmsSender): OutboxChannel {
  return {
    policy: { retryLimit: 4, retryDelaySeconds: 5 },
    deliver: (id, isLastAttempt) => deliverOutboxSms(db, sender, id, { isLastAttempt }),
    lost: () => listUndeliveredOutboxIds(db, 'sms', 30_000),
  };
}

/** The event writer queues webhook deliveries in the change's transaction; the sweep picks up every pending one. */
export function webhookChannel(db: Database, options: WebhookDeliveryOptions = {}): OutboxChannel {
  return {
    policy: { retryLimit: options.retryLimit ?? 8, retryDelaySeconds: options.retryDelaySeconds ?? 30 },
    deliver: async (id, isLastAttempt) => {
      const outcome = await deliverWebhook(db, id, { post: options.post, resolve: options.resolve, timeoutMs: options.timeoutMs, isLastAttempt });
      return outcome === 'delivered' ? 'sent' : outcome;
    },
    lost: () => listPendingDeliveryIds(db, 0),
  };
}
