import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import type { Database } from '@/db/client';
import { companies } from '@/db/schema';
import { createApiKey } from '@/lib/integrations/keys/mutations';
import { makeCompanyActor } from '@/tests/helpers/case-factories';
import { customer } from '@/tests/helpers/invoice-fixtures';

/** A company connected to AutoCollect, its Administrator (the actor) and one live key. */
export async function makeApiCompany(db: Database) {
  const { company, actor } = await makeCompanyActor(db, 'admin');
  const created = await db.transaction((tx) => createApiKey(tx, actor, 'Tripletex'));
  await db.update(companies).set({ autocollectEnabled: true }).where(eq(companies.id, company.id));
  return { company, actor, key: created.key, apiKeyId: created.id };
}

type Handler<C> = (request: NextRequest, context: C) => Promise<Response>;

/** Calls a route handler as Next does, with the key as a bearer token. */
export async function callApi<C = unknown>(
  handler: Handler<C>,
  options: {
    method?: string;
    path: string;
    key?: string | null;
    body?: unknown;
    headers?: Record<string, string>;
    params?: Record<string, string>;
  },
) {
  const headers: Record<string, string> = { ...(options.key ? { Authorization: `Bearer ${options.key}` } : {}), ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const request = new NextRequest(new URL(options.path, 'http://portal.test'), {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) } as C);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

export function invoiceBody(overrides: { invoiceNumber?: string; amountOre?: number } = {}) {
  const { customerNumber, kind, name, nationalId, addressLine, postcode, city, countryCode, email } = customer();
  return {
    customer: { customerNumber, kind, name, nationalId, addressLine, postcode, city, countryCode, email },
    invoice: {
      invoiceNumber: overrides.invoiceNumber ?? `F-${randomUUID().slice(0, 8)}`,
      issuedOn: '2026-09-01',
      dueOn: '2026-09-15',
      amountOre: overrides.amountOre ?? 250_000,
      currency: 'NOK',
    },
  };
}
