import { inArray } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { databaseHandle, db } from '@/db';
import { outbox, webhookDeliveries } from '@/db/schema';
import { startFlakyProvider, type FlakyProvider } from '@/lib/cli/faults/flaky-provider';
import { createResendSender } from '@/lib/email/sender';
import { inviteUsers } from '@/lib/invitations/mutations';
import { startWorker } from '@/lib/jobs/worker';
import { queueDeliveries } from '@/lib/queue/kicks';
import { enqueueSms } from '@/lib/sms/outbox';
import { createHttpSmsSender } from '@/lib/sms/sender';
import { makeAdminWithCompanies } from '@/tests/helpers/company-admin';
import { waitFor } from '@/tests/helpers/wait';
import { makeDelivery } from '@/tests/helpers/webhook-fixtures';

vi.hoisted(() => {
  // The fake webhook receiver listens on plain http at 127.0.0.1: the explicit switch, never on in production.
  process.env.WEBHOOK_ALLOW_LOCAL_HTTP = '1';
});

let boss: PgBoss | undefined;
const providers: FlakyProvider[] = [];
afterEach(async () => {
  await boss?.stop({ graceful: false, wait: true });
  boss = undefined;
  for (const provider of providers.splice(0)) await provider.close();
});

const FAST = { retryDelaySeconds: 1, retryLimit: 8 };

async function invitationEmails(count: number) {
  const { companies, actor } = await makeAdminWithCompanies(db, 1);
  const companyId = companies[0]?.id ?? '';
  const emails = Array.from({ length: count }, (_, i) => `flaky-${i}-${crypto.randomUUID().slice(0, 8)}@test.no`);
  const { outboxIds } = await db.transaction((tx) =>
    inviteUsers(tx, actor(companyId), { companyId, emails, role: 'read', locale: 'nb', companyIds: [companyId] }),
  );
  return outboxIds;
}

describe('providers that fail for a while', () => {
  it('the outbox retries email (the real Resend client), SMS and webhooks with backoff and delivers each exactly once', async () => {
    const resend = await startFlakyProvider();
    const sms = await startFlakyProvider();
    const hooks = await startFlakyProvider();
    providers.push(resend, sms, hooks);
    for (const provider of providers) provider.down();
    // Resend's client reads its base URL when it is made: our fake stands where api.resend.com would.
    vi.stubEnv('RESEND_BASE_URL', resend.url);
    const emailSender = createResendSender('re_test_fault', 'Amili <noreply@amili.no>');
    vi.unstubAllEnvs();
    boss = await startWorker(databaseHandle(), {
      emailSender,
      emailDelivery: FAST,
      smsSender: createHttpSmsSender(`${sms.url}/send`, 'token', 'Amili'),
      smsDelivery: FAST,
      webhookDelivery: FAST,
    });

    const emailIds = await invitationEmails(3);
    const smsIds = [
      await enqueueSms(db, { recipient: '+4791234567', locale: 'nb', template: 'sms_code', text: '111111 er koden din' }),
      await enqueueSms(db, { recipient: '+4798765432', locale: 'en', template: 'sms_code', text: '222222 is your code' }),
    ];
    const first = await makeDelivery(db, `${hooks.url}/hook`);
    const second = await makeDelivery(db, `${hooks.url}/hook`, first.companyId);
    const deliveryIds = [first.deliveryId, second.deliveryId];
    await queueDeliveries(boss, 'email', emailIds, FAST);
    await queueDeliveries(boss, 'sms', smsIds, FAST);
    await queueDeliveries(boss, 'webhook', deliveryIds, FAST);

    // Every message was tried (and refused) at least once while the providers were down.
    const refusedKeys = (provider: FlakyProvider) => new Set(provider.attempts.filter((a) => a.status === 500).map((a) => a.key)).size;
    await waitFor(() => refusedKeys(resend) === 3 && refusedKeys(sms) === 2 && refusedKeys(hooks) === 2, {
      what: 'a refused attempt per message',
    });
    for (const provider of providers) provider.up();

    await waitFor(
      async () => {
        const rows = await db
          .select({ status: outbox.status })
          .from(outbox)
          .where(inArray(outbox.id, [...emailIds, ...smsIds]));
        const hookRows = await db
          .select({ status: webhookDeliveries.status })
          .from(webhookDeliveries)
          .where(inArray(webhookDeliveries.id, deliveryIds));
        return [...rows, ...hookRows].every((row) => row.status === 'sent' || row.status === 'delivered');
      },
      { what: 'every message to be delivered' },
    );
    // Exactly once at the provider: each message accepted once, under its own key.
    expect(Object.fromEntries(resend.delivered)).toEqual(Object.fromEntries(emailIds.map((id) => [`outbox/${id}`, 1])));
    expect(Object.fromEntries(sms.delivered)).toEqual(Object.fromEntries(smsIds.map((id) => [`outbox/${id}`, 1])));
    expect([...hooks.delivered.values()]).toEqual([1, 1]);
    const rows = await db
      .select({ attempts: outbox.attempts, lastError: outbox.lastError })
      .from(outbox)
      .where(inArray(outbox.id, [...emailIds, ...smsIds]));
    for (const row of rows) expect(row).toMatchObject({ attempts: expect.any(Number), lastError: null });
    expect(Math.min(...rows.map((row) => row.attempts))).toBeGreaterThanOrEqual(2);
  });
});
