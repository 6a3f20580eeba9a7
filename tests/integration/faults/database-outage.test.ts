import { eq, sql } from 'drizzle-orm';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import PgBoss from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { executeRows, openDatabase, type DatabaseHandle } from '@/db/client';
import { databaseProbe, type DatabaseProbe } from '@/db/probe';
import { companies } from '@/db/schema';
import { guarded, succeeded } from '@/lib/form-state';
import { noteRequestError, withOutagePage } from '@/lib/http/outage';
import { errorResponse } from '@/lib/integrations/api/route';
import { inviteUsers } from '@/lib/invitations/mutations';
import { startWorker } from '@/lib/jobs/worker';
import { queueDeliveries } from '@/lib/queue/kicks';
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';
import { fakeEmailSender, makeAdminWithCompanies, outboxRow } from '@/tests/helpers/company-admin';
import { cuttableLink, type CuttableLink } from '@/tests/helpers/cuttable-link';
import { waitFor } from '@/tests/helpers/wait';

// PostgreSQL goes away under a running portal: the portal's connections run through a relay that is cut, while
// the test itself still reads the database directly to see what was (not) written.
const directUrl = process.env.DATABASE_URL;
if (!process.env.TEST_DATABASE_URL || !directUrl)
  throw new Error('The outage tests need PostgreSQL (DATABASE_URL): they cut a TCP link to it.');

let link: CuttableLink;
let portal: DatabaseHandle;
let probe: DatabaseProbe;
const servers: Server[] = [];
let boss: PgBoss | undefined;

beforeAll(async () => {
  link = await cuttableLink(directUrl);
  portal = openDatabase(link.url, { max: 3 });
  probe = databaseProbe(link.url);
});
afterEach(async () => {
  await link.restore().catch(() => undefined);
  await boss?.stop({ graceful: false, wait: true });
  boss = undefined;
  for (const server of servers.splice(0)) server.close();
});
afterAll(async () => {
  await link.close();
  await probe.close();
  await portal.close();
});

/** Like Next's handler: a page that reads the database, a bare 500 when anything fails. */
function nextLike(options: { reportError: boolean }) {
  return (request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      try {
        if (request.url?.startsWith('/nb/broken')) throw new Error('a bug, not an outage');
        const [row] = await executeRows<{ n: number }>(portal.db, sql`select count(*)::int as n from companies`);
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
        response.end(`<p>${row?.n}</p>`);
      } catch (error) {
        if (options.reportError) noteRequestError(error);
        response.statusCode = 500;
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
        response.setHeader('Content-Length', '21');
        response.end('Internal Server Error');
      }
    })();
  };
}

async function serve(listener: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

async function queryError(): Promise<unknown> {
  return executeRows(portal.db, sql`select 1`).then(
    () => null,
    (error: unknown) => error,
  );
}

describe('PostgreSQL unavailable', () => {
  it('pages answer a translated 503 with Retry-After, and 200 again once the database is back, without a restart', async () => {
    const base = await serve(withOutagePage(nextLike({ reportError: false }), probe.reachable));
    expect((await fetch(`${base}/nb/cases`)).status).toBe(200);

    await link.cut();
    const nbPage = await fetch(`${base}/nb/cases`);
    expect(nbPage.status).toBe(503);
    expect(nbPage.headers.get('retry-after')).toBe('30');
    expect(nbPage.headers.get('cache-control')).toBe('no-store');
    const nbHtml = await nbPage.text();
    expect(nbHtml).toContain('lang="nb"');
    expect(nbHtml).toContain('Portalen er midlertidig utilgjengelig — arbeidet ditt er lagret, prøv igjen om et minutt.');
    const enPage = await fetch(`${base}/en/cases?page=2`);
    expect(enPage.status).toBe(503);
    expect(await enPage.text()).toContain(en.common.errors.unavailable);
    const api = await fetch(`${base}/api/cases/export`);
    expect(api.status).toBe(503);
    expect(api.headers.get('content-type')).toBe('application/problem+json');
    expect(await api.json()).toMatchObject({ status: 503, type: '/api/v1/problems/unavailable' });

    await link.restore();
    await waitFor(async () => (await fetch(`${base}/nb/cases`)).status === 200, { what: 'the page to answer 200 again' });
  });

  it('a request that met the outage gets the 503 page even if the database answers again by the time it fails', async () => {
    const base = await serve(withOutagePage(nextLike({ reportError: true }), async () => true));
    await link.cut();
    const page = await fetch(`${base}/nb/cases`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain(nb.common.errors.unavailable);
  });

  it('a bug stays a 500 with its own body: only an unreachable database becomes the 503 page', async () => {
    const base = await serve(withOutagePage(nextLike({ reportError: true }), probe.reachable));
    const page = await fetch(`${base}/nb/broken`);
    expect(page.status).toBe(500);
    expect(await page.text()).toBe('Internal Server Error');
  });

  it('a server action returns the translated error with the values kept, and its transaction leaves nothing behind', async () => {
    const name = `Outage ${crypto.randomUUID()}`;
    const formData = new FormData();
    formData.set('name', name);
    const state = await guarded(formData, async () => {
      await portal.db.transaction(async (tx) => {
        await tx.insert(companies).values({ name, organisationNumber: '123456785', payoutAccountNumber: '86011117947' });
        await link.cut(); // PostgreSQL goes away between two statements of the transaction
        await tx.select({ id: companies.id }).from(companies).where(eq(companies.name, name));
      });
      return succeeded('common.save');
    });
    expect(state).toMatchObject({ status: 'error', message: 'common.errors.unavailable', values: { name } });
    expect(await db.select({ id: companies.id }).from(companies).where(eq(companies.name, name))).toEqual([]);
  });

  it('the API answers a 503 problem document with Retry-After', async () => {
    await link.cut();
    const response = errorResponse(await queryError());
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('retry-after')).toBe('30');
    expect(await response.json()).toEqual({
      type: '/api/v1/problems/unavailable',
      title: 'The service is temporarily unavailable.',
      status: 503,
      detail: en.common.errors.unavailable,
    });
  });

  it('the job worker resumes by itself: a job queued while it could not reach the database runs once it can', async () => {
    const fake = fakeEmailSender();
    boss = await startWorker(portal, { emailSender: fake.sender, emailDelivery: { retryDelaySeconds: 1, retryLimit: 3 } });
    const errors: unknown[] = [];
    boss.on('error', (error) => errors.push(error));
    const { companies: made, actor } = await makeAdminWithCompanies(db, 1);
    const companyId = made[0]?.id ?? '';
    const email = `outage-${crypto.randomUUID().slice(0, 8)}@test.no`;
    const { outboxIds } = await db.transaction((tx) =>
      inviteUsers(tx, actor(companyId), { companyId, emails: [email], role: 'read', locale: 'nb', companyIds: [companyId] }),
    );
    const outboxId = outboxIds[0] ?? '';

    await link.cut();
    await waitFor(() => errors.length > 0, { what: 'the worker to notice the outage' });
    // Queued by another instance that still reaches the database.
    const other = new PgBoss({ connectionString: directUrl, schema: 'pgboss', supervise: false, schedule: false, migrate: false, max: 1 });
    await other.start();
    try {
      await queueDeliveries(other, 'email', [outboxId], { retryDelaySeconds: 1, retryLimit: 3 });
    } finally {
      await other.stop({ graceful: false, wait: true });
    }
    expect((await outboxRow(db, outboxId)).status).toBe('pending');

    await link.restore();
    await waitFor(async () => (await outboxRow(db, outboxId)).status === 'sent', { what: 'the queued email to be sent' });
    expect(fake.delivered.map((d) => d.to)).toEqual([email]);
  });
});
