import { apiKeys } from '@/db/schema';
import { generateApiKey } from '@/lib/integrations/keys/keys';
import { connectAutocollect } from '@/tests/authorization/fixture';
import type { MatrixFixture, MatrixRow } from '@/tests/authorization/types';
import { invoiceBody } from '@/tests/helpers/api-fixtures';
import { todayInOslo } from '@/lib/dates';

const idempotencyKey = () => ({ 'Idempotency-Key': crypto.randomUUID() });

/** A case route of company A's fixture case, with both companies connected to AutoCollect. */
async function caseRoute(fx: MatrixFixture, suffix: string, json?: unknown) {
  await connectAutocollect(fx);
  return { path: `/api/v1/cases/${fx.caseNumber}${suffix}`, json, headers: idempotencyKey() };
}

async function liveKeyOfCompanyA(fx: MatrixFixture) {
  const generated = generateApiKey();
  const [row] = await fx.db
    .insert(apiKeys)
    .values({ companyId: fx.companyId, name: 'Tilbakekall', prefix: generated.prefix, secretHash: generated.secretHash })
    .returning({ id: apiKeys.id });
  return row?.id ?? '';
}

const today = () => todayInOslo();

export const rows: MatrixRow[] = [
  // Innstillinger → Selskap → Integrasjoner (Administrators of the company).
  {
    file: 'lib/integrations/keys/actions.ts',
    name: 'createApiKeyAction',
    needs: 'admin',
    writes: true,
    input: (fx) => ({ form: { companyId: fx.companyId, name: 'Tripletex' } }),
  },
  {
    file: 'lib/integrations/keys/actions.ts',
    name: 'revokeApiKeyAction',
    needs: 'admin',
    writes: true,
    input: async (fx) => ({ form: { companyId: fx.companyId, apiKeyId: await liveKeyOfCompanyA(fx) } }),
  },
  // The fixture has a live key of company A, so switching AutoCollect on is allowed.
  {
    file: 'lib/integrations/keys/actions.ts',
    name: 'setAutocollectAction',
    needs: 'admin',
    writes: true,
    input: (fx) => ({ form: { companyId: fx.companyId, autocollect: 'on' } }),
  },

  // /api/v1: the API-key principal.
  {
    file: 'app/api/v1/invoices/route.ts',
    name: 'POST',
    needs: 'apiKeyOwnCompany',
    writes: true,
    input: async (fx) => {
      await connectAutocollect(fx);
      return { path: '/api/v1/invoices', json: invoiceBody() };
    },
  },
  {
    file: 'app/api/v1/payments/route.ts',
    name: 'POST',
    needs: 'apiKey',
    writes: true,
    input: async (fx) => {
      await connectAutocollect(fx);
      return {
        path: '/api/v1/payments',
        json: { invoiceNumber: fx.invoiceNumber, amountOre: 10_000, paidOn: today() },
        headers: idempotencyKey(),
      };
    },
  },
  {
    file: 'app/api/v1/credit-notes/route.ts',
    name: 'POST',
    needs: 'apiKey',
    writes: true,
    input: async (fx) => {
      await connectAutocollect(fx);
      return {
        path: '/api/v1/credit-notes',
        json: { invoiceNumber: fx.invoiceNumber, amountOre: 10_000, creditedOn: today() },
        headers: idempotencyKey(),
      };
    },
  },
  {
    file: 'app/api/v1/cases/[caseNumber]/pause/route.ts',
    name: 'POST',
    needs: 'apiKey',
    writes: true,
    input: (fx) => caseRoute(fx, '/pause', {}),
  },
  // Resume needs a paused case: pause it first (through the fixture's database, before the fingerprint).
  {
    file: 'app/api/v1/cases/[caseNumber]/resume/route.ts',
    name: 'POST',
    needs: 'apiKey',
    writes: true,
    input: async (fx) => {
      const { cases } = await import('@/db/schema');
      const { eq } = await import('drizzle-orm');
      await fx.db.update(cases).set({ status: 'paused' }).where(eq(cases.id, fx.caseId));
      return caseRoute(fx, '/resume', {});
    },
  },
  {
    file: 'app/api/v1/cases/[caseNumber]/withdraw/route.ts',
    name: 'POST',
    needs: 'apiKey',
    writes: true,
    input: (fx) => caseRoute(fx, '/withdraw', { reason: 'Betalt' }),
  },
  { file: 'app/api/v1/cases/[caseNumber]/route.ts', name: 'GET', needs: 'apiKey', writes: false, input: (fx) => caseRoute(fx, '') },
  {
    file: 'app/api/v1/cases/route.ts',
    name: 'GET',
    needs: 'apiKeyOwnCompany',
    writes: false,
    input: async (fx) => {
      await connectAutocollect(fx);
      return { path: '/api/v1/cases?limit=10' };
    },
  },
  {
    file: 'app/api/v1/settlements/route.ts',
    name: 'GET',
    needs: 'apiKeyOwnCompany',
    writes: false,
    input: async (fx) => {
      await connectAutocollect(fx);
      return { path: '/api/v1/settlements?since=2020-01-01' };
    },
  },
];

rows.push({
  file: 'app/api/v1/openapi.json/route.ts',
  name: 'GET',
  needs: 'public',
  writes: false,
  input: () => ({ path: '/api/v1/openapi.json' }),
});

/** A live endpoint of company A, and one delivery to it (already delivered, so "Send igjen" has work). */
async function endpointOfCompanyA(fx: MatrixFixture) {
  const { webhookEndpoints, webhookDeliveries } = await import('@/db/schema');
  const { encryptSecret } = await import('@/lib/auth/crypto');
  const [endpoint] = await fx.db
    .insert(webhookEndpoints)
    .values({ companyId: fx.companyId, url: 'https://erp.example.com/hook', secretEncrypted: encryptSecret('whsec_matrix') })
    .returning({ id: webhookEndpoints.id });
  const [delivery] = await fx.db
    .insert(webhookDeliveries)
    .values({
      companyId: fx.companyId,
      endpointId: endpoint?.id ?? '',
      eventId: crypto.randomUUID(),
      eventType: 'case.paused',
      payload: {},
      status: 'delivered',
      attempts: 1,
    })
    .returning({ id: webhookDeliveries.id });
  return { endpointId: endpoint?.id ?? '', deliveryId: delivery?.id ?? '' };
}

rows.push(
  {
    file: 'lib/integrations/webhooks/actions.ts',
    name: 'addWebhookEndpointAction',
    needs: 'admin',
    writes: true,
    input: (fx) => ({ form: { companyId: fx.companyId, url: 'https://erp.example.com/autocollect' } }),
  },
  {
    file: 'lib/integrations/webhooks/actions.ts',
    name: 'removeWebhookEndpointAction',
    needs: 'admin',
    writes: true,
    input: async (fx) => ({ form: { companyId: fx.companyId, endpointId: (await endpointOfCompanyA(fx)).endpointId } }),
  },
  {
    file: 'lib/integrations/webhooks/actions.ts',
    name: 'resendWebhookDeliveryAction',
    needs: 'admin',
    writes: true,
    input: async (fx) => ({ form: { companyId: fx.companyId, deliveryId: (await endpointOfCompanyA(fx)).deliveryId } }),
  },
);

// The load balancer's checks: public, read nothing a caller could use.
rows.push({ file: 'app/api/health/route.ts', name: 'GET', needs: 'public', writes: false, input: () => ({ path: '/api/health' }) });
rows.push({ file: 'app/api/ready/route.ts', name: 'GET', needs: 'public', writes: false, input: () => ({ path: '/api/ready' }) });
