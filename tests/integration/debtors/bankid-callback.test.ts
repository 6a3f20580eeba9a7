import { createServer, type Server } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { debtorSignInFlows } from '@/db/schema';
import { createDemoIdp, demoIdpAllowed } from '@/lib/cli/demo-idp';
import { DEMO_IDP_CLIENT_ID, DEMO_IDP_PATH, demoIdpClientSecret } from '@/lib/debtors/demo-idp-client';
import { beginBankIdSignIn, finishBankIdSignIn, identityFromClaims } from '@/lib/debtors/oidc';
import { oidcRedirectUri, type OidcConfig } from '@/lib/debtors/oidc-config';
import { DEMO_DEBTOR_PERSON, DEMO_DEBTOR_SIGNATORY, DEMO_SIGNATORY_COMPANY } from '@/lib/demo/debtor-identities';

// The demo's local provider on a port of this worktree's range, playing BankID for the real openid-client flow.
const PORT = 4151;
const SECRET = 'x'.repeat(40);
const config: OidcConfig = {
  issuer: `http://127.0.0.1:${PORT}${DEMO_IDP_PATH}`,
  clientId: DEMO_IDP_CLIENT_ID,
  clientSecret: demoIdpClientSecret(SECRET),
  scope: 'openid profile',
  nationalIdClaim: 'nnin',
  nameClaim: 'name',
  organisationsClaim: 'signatory_for',
  allowHttp: true,
};
let server: Server;

beforeAll(async () => {
  const handler = createDemoIdp({ issuer: config.issuer, redirectUri: oidcRedirectUri(), authSecret: SECRET, env: { PORTAL_DEMO: '1' } });
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** What the browser does at the provider: follow its redirects, pick the test person, come back with code and state. */
async function authorizeAt(url: URL, nationalId: string): Promise<URLSearchParams> {
  const jar = new Map<string, string>();
  const send = async (target: string, init: RequestInit = {}) => {
    const response = await fetch(target, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) jar.set(name, value.join('='));
    }
    return response;
  };
  let response = await send(url.href);
  for (let hops = 0; hops < 10; hops++) {
    const location = response.headers.get('location');
    if (location?.startsWith(oidcRedirectUri())) return new URL(location).searchParams;
    if (location) {
      response = await send(new URL(location, config.issuer).href);
      continue;
    }
    const page = await response.text();
    const action = /action="([^"]+)"/.exec(page)?.[1];
    if (!action) throw new Error(`no login form at the provider: ${response.status} ${page.slice(0, 200)}`);
    response = await send(new URL(action, config.issuer).href, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ accountId: nationalId }).toString(),
    });
  }
  throw new Error('the provider never sent the browser back');
}

describe('BankID sign-in (OpenID Connect, authorization code with PKCE)', () => {
  it('signs a person in with the national id and name from the ID token, and uses the flow once', async () => {
    const { flowId, url } = await beginBankIdSignIn(db, config, 'en');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    const answer = await authorizeAt(url, DEMO_DEBTOR_PERSON.nationalId);
    await expect(finishBankIdSignIn(db, config, flowId, answer)).resolves.toEqual({
      ok: true,
      locale: 'en',
      identity: { kind: 'bankid', nationalId: DEMO_DEBTOR_PERSON.nationalId, name: DEMO_DEBTOR_PERSON.name, organisationNumbers: [] },
    });
    // Replayed: the flow is gone.
    await expect(finishBankIdSignIn(db, config, flowId, answer)).resolves.toEqual({ ok: false, locale: null });
  });

  it('carries a signatory’s organisation numbers from the configured claim', async () => {
    const { flowId, url } = await beginBankIdSignIn(db, config, 'nb');
    const answer = await authorizeAt(url, DEMO_DEBTOR_SIGNATORY.nationalId);
    const result = await finishBankIdSignIn(db, config, flowId, answer);
    expect(result).toMatchObject({
      ok: true,
      identity: { nationalId: DEMO_DEBTOR_SIGNATORY.nationalId, organisationNumbers: [DEMO_SIGNATORY_COMPANY.organisationNumber] },
    });
  });

  it('refuses an answer whose state is not the flow’s', async () => {
    const { flowId, url } = await beginBankIdSignIn(db, config, 'nb');
    const answer = await authorizeAt(url, DEMO_DEBTOR_PERSON.nationalId);
    answer.set('state', 'forged-state');
    await expect(finishBankIdSignIn(db, config, flowId, answer)).resolves.toEqual({ ok: false, locale: 'nb' });
    // The flow was spent by the refused try: the genuine answer cannot follow it.
    expect(await db.select().from(debtorSignInFlows).where(eq(debtorSignInFlows.id, flowId))).toEqual([]);
  });

  it('refuses an ID token issued for another flow’s nonce (a code injected into this browser’s flow)', async () => {
    const victim = await beginBankIdSignIn(db, config, 'nb');
    const attacker = await beginBankIdSignIn(db, config, 'nb');
    const attackersAnswer = await authorizeAt(attacker.url, DEMO_DEBTOR_PERSON.nationalId);
    // The attacker's code with the victim's state: state passes, PKCE and nonce do not.
    attackersAnswer.set('state', victim.url.searchParams.get('state') ?? '');
    await expect(finishBankIdSignIn(db, config, victim.flowId, attackersAnswer)).resolves.toEqual({ ok: false, locale: 'nb' });
  });

  it('refuses an error answer and a flow that has expired', async () => {
    const { flowId } = await beginBankIdSignIn(db, config, 'nb');
    await expect(finishBankIdSignIn(db, config, flowId, new URLSearchParams({ error: 'access_denied' }))).resolves.toMatchObject({
      ok: false,
    });
    const late = await beginBankIdSignIn(db, config, 'nb', new Date(Date.now() - 11 * 60 * 1000));
    const answer = await authorizeAt(late.url, DEMO_DEBTOR_PERSON.nationalId);
    await expect(finishBankIdSignIn(db, config, late.flowId, answer)).resolves.toEqual({ ok: false, locale: null });
  });
});

describe('claims and the demo provider’s limits', () => {
  it('needs a valid national id; takes only valid organisation numbers', () => {
    const names = { nationalIdClaim: 'nnin', nameClaim: 'name', organisationsClaim: 'orgs' };
    expect(identityFromClaims({ nnin: '15108695089' }, names)).toBeNull();
    expect(identityFromClaims({ sub: 'x' }, names)).toBeNull();
    expect(identityFromClaims({ nnin: '15108695088', orgs: '914752817, 123456789' }, names)?.organisationNumbers).toEqual(['914752817']);
  });

  it('refuses to run outside the demo (a production start without PORTAL_DEMO=1)', () => {
    expect(demoIdpAllowed({ NODE_ENV: 'production' })).toBe(false);
    expect(demoIdpAllowed({ NODE_ENV: 'production', PORTAL_DEMO: '0' })).toBe(false);
    expect(() =>
      createDemoIdp({ issuer: config.issuer, redirectUri: oidcRedirectUri(), authSecret: SECRET, env: { NODE_ENV: 'production' } }),
    ).toThrow(/only in the demo/);
  });
});
