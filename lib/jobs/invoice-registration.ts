import type PgBoss from 'pg-boss';
import type { Database } from '@/db/client';
import { dispatchOutbox, INVOICE_REGISTRATION_JOB, sendInvoiceRegistration, type InvoiceRegistrationJob } from '@/lib/queue/kicks';
import { listStaleSubmittedDrafts, registerInvoiceDraft, type RegistrationOptions } from '@/lib/invoices/registration';

export const INVOICE_SWEEP_JOB = 'invoice-registration-sweep';

export type InvoiceRegistrationOptions = RegistrationOptions & {
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A submitted draft still waiting after this long lost its job (crash after commit): the sweep queues it. */
  sweepAfterMs?: number;
};

/** The worker that turns submitted drafts into cases, and the once-a-minute sweep for drafts whose job was lost. */
export async function registerInvoiceRegistration(boss: PgBoss, db: Database, options: InvoiceRegistrationOptions = {}) {
  // 'stately' + singletonKey: at most one queued job per draft however often it is asked for; the draft's row
  // lock and status make even a duplicate run harmless.
  const queue = {
    name: INVOICE_REGISTRATION_JOB,
    policy: 'stately' as const,
    retryLimit: options.retryLimit ?? 10,
    retryDelay: options.retryDelaySeconds ?? 15,
    retryBackoff: true,
  };
  await boss.createQueue(INVOICE_REGISTRATION_JOB, queue);
  await boss.updateQueue(INVOICE_REGISTRATION_JOB, queue);
  await boss.work<InvoiceRegistrationJob>(INVOICE_REGISTRATION_JOB, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    const result = await registerInvoiceDraft(db, job.data.draftId, options);
    if (result.outcome === 'failed' && result.outboxId) await dispatchOutbox([result.outboxId]);
  });

  const sweepAfterMs = options.sweepAfterMs ?? 60_000;
  await boss.createQueue(INVOICE_SWEEP_JOB);
  await boss.work(INVOICE_SWEEP_JOB, async () => {
    for (const draftId of await listStaleSubmittedDrafts(db, sweepAfterMs)) await sendInvoiceRegistration(boss, draftId);
  });
  await boss.schedule(INVOICE_SWEEP_JOB, '* * * * *');
}
