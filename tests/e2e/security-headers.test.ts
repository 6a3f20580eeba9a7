import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { sessionCookieFor } from '@/lib/cli/session-cookie';
import { startPortal, type Portal } from '@/lib/cli/portal-process';
import { E2E_SECRETS } from '@/tests/helpers/e2e-secrets';
import { adminSql, createDatabaseFromTemplate, databaseUrl, dropDatabase } from '@/tests/helpers/test-database';
import { portalUrl } from '@/tests/helpers/e2e-portal';

const handle = openDatabase(process.env.DATABASE_URL, { max: 2 });

function cspOf(response: Response) {
  return response.headers.get('content-security-policy') ?? '';
}

afterAll(() => handle.close());

describe('security headers (curl -I as a user would)', () => {
  it.each(['/nb/login', '/en/login'])(
    'the sign-in page %s carries a nonce-based CSP, no framing, nosniff, a referrer and a permissions policy',
    async (path) => {
      const response = await fetch(new URL(path, portalUrl()));
      const csp = cspOf(response);
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('permissions-policy')).toContain('camera=()');
      // Every script Next writes into the page carries this request's nonce, so the browser runs them.
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
    },
  );

  it('gives every request a fresh nonce, also on a signed-in page, and files a CSP that allows nothing', async () => {
    const cookie = await sessionCookieFor(handle.db, 'les@demo.no', E2E_SECRETS.AUTH_SECRET);
    const first = await fetch(new URL('/nb/cases', portalUrl()), { headers: { Cookie: cookie } });
    const second = await fetch(new URL('/nb/cases', portalUrl()), { headers: { Cookie: cookie } });
    expect(first.status).toBe(200);
    expect(cspOf(first)).toContain("frame-ancestors 'none'");
    expect(cspOf(first)).not.toBe(cspOf(second));
    const file = await fetch(new URL('/api/cases/export?locale=nb', portalUrl()), { headers: { Cookie: cookie } });
    expect(file.status).toBe(200);
    expect(cspOf(file)).toBe("default-src 'none'; frame-ancestors 'none'");
    // The demo runs on plain http://: no HSTS there.
    expect(first.headers.get('strict-transport-security')).toBeNull();
  });

  it.each(['/nb/faktura.pdf', '/nb/cases/x.y', '/en/login.html'])('a path with a dot (%s) still gets the page CSP', async (path) => {
    const response = await fetch(new URL(path, portalUrl()), { redirect: 'manual' });
    expect(cspOf(response)).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('the development mailbox in the demo', () => {
  it('is shown to a live session only; without one it sends to sign-in', async () => {
    const anonymous = await fetch(new URL('/nb/dev/mailbox', portalUrl()), { redirect: 'manual' });
    expect(anonymous.status).toBeGreaterThanOrEqual(300);
    expect(anonymous.status).toBeLessThan(400);
    expect(new URL(anonymous.headers.get('location') ?? '', portalUrl()).pathname).toBe('/nb/login');
    const cookie = await sessionCookieFor(handle.db, 'les@demo.no', E2E_SECRETS.AUTH_SECRET);
    const signedIn = await fetch(new URL('/nb/dev/mailbox', portalUrl()), { headers: { Cookie: cookie } });
    expect(signedIn.status).toBe(200);
  });
});

describe('a production start (NODE_ENV=production, DATABASE_URL, its own secrets, no demo)', () => {
  const name = `portal_prod_${process.pid}`;
  let portal: Portal | undefined;

  beforeAll(async () => {
    await dropDatabase(name);
    await createDatabaseFromTemplate(name, 'template0');
    const prod = openDatabase(databaseUrl(name), { max: 1 });
    await migrateDatabase(prod);
    await prod.close();
    portal = await startPortal({ ...E2E_SECRETS, DATABASE_URL: databaseUrl(name), NODE_ENV: 'production', PORTAL_DEMO: '0' });
  });

  afterAll(async () => {
    await portal?.stop();
    await dropDatabase(name);
  });

  it('has no development mailbox, sends HSTS and sets only Secure cookies', async () => {
    const base = portal?.baseUrl ?? '';
    expect((await fetch(`${base}/nb/dev/mailbox`)).status).toBe(404);
    const login = await fetch(`${base}/nb/login`);
    expect(login.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const csrf = await fetch(`${base}/api/auth/csrf`);
    // HSTS on every response: route handlers, paths with a dot, files from public/ and Next's own files.
    const dotted = await fetch(`${base}/nb/faktura.pdf`, { redirect: 'manual' });
    const file = await fetch(`${base}/favicon.svg`);
    for (const response of [csrf, dotted, file]) expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(cspOf(dotted)).toContain("frame-ancestors 'none'");
    const cookies = csrf.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    expect(cookies.filter((cookie) => !/;\s*Secure/i.test(cookie))).toEqual([]);
  });

  it('stops cleanly: once stopped, none of its processes is left, and its database drops without FORCE', async () => {
    const group = portal?.pid ?? 0;
    expect(group).toBeGreaterThan(0);
    await portal?.stop();
    // Signal 0 to the process group: ESRCH once the server, its tsx wrapper and the job worker have all ended.
    expect(() => process.kill(-group, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    // DROP DATABASE without FORCE fails while a connection (the job worker's polling, the pool) is still open.
    await expect(adminSql((sql) => sql.unsafe(`DROP DATABASE "${name}"`))).resolves.toBeDefined();
  });
});
