import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTranslator } from 'next-intl';
import Provider, { type Configuration } from 'oidc-provider';
import { DEMO_IDP_CLIENT_ID, DEMO_IDP_PATH, demoIdpClientSecret } from '@/lib/debtors/demo-idp-client';
import { DEMO_DEBTOR_IDENTITIES } from '@/lib/demo/debtor-identities';
import { escapeHtml } from '@/lib/html';
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';

/**
 * The demo's stand-in for BankID: a local OpenID provider (oidc-provider) with the test identities of
 * lib/demo/debtor-identities.ts, mounted by lib/cli/serve.ts under /demo-bankid. Only ever in the demo or a test
 * (PORTAL_DEMO=1): anything else refuses to create it, so no production start can sign anyone in through it.
 */
export function demoIdpAllowed(source: Record<string, string | undefined> = process.env): boolean {
  return source.PORTAL_DEMO === '1';
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** `issuer`: where it answers (the portal's address + /demo-bankid); `redirectUri`: the portal's callback. */
export function createDemoIdp(options: {
  issuer: string;
  redirectUri: string;
  authSecret: string;
  env?: Record<string, string | undefined>;
}): Handler {
  if (!demoIdpAllowed(options.env)) throw new Error('The demo identity provider runs only in the demo (PORTAL_DEMO=1).');
  const { issuer } = options;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const configuration: Configuration = {
    clients: [
      {
        client_id: DEMO_IDP_CLIENT_ID,
        client_secret: demoIdpClientSecret(options.authSecret),
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'demo', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], profile: ['name', 'nnin', 'signatory_for'] },
    pkce: { required: () => true },
    ttl: { AuthorizationCode: 60, IdToken: 600, AccessToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `${DEMO_IDP_PATH}/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const person = DEMO_DEBTOR_IDENTITIES.find((identity) => identity.nationalId === id);
      if (!person) return undefined;
      return { accountId: id, claims: () => ({ sub: id, name: person.name, nnin: person.nationalId, signatory_for: person.signatoryFor }) };
    },
    // The portal is the demo provider's only (first-party) client: no consent screen.
    loadExistingGrant: async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId });
      grant.addOIDCScope('openid profile');
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();
  return (request, response) => {
    const path = (request.url ?? '').slice(DEMO_IDP_PATH.length) || '/';
    const interaction = /^\/interaction\/([\w-]+)(\/login)?$/.exec(path.split('?')[0] ?? '');
    if (interaction) {
      void handleInteraction(provider, request, response, Boolean(interaction[2])).catch(() => {
        response.statusCode = 400;
        response.end();
      });
      return;
    }
    // oidc-provider mounted under a path, as connect's app.use would: it reads originalUrl for its own links.
    Object.assign(request, { originalUrl: request.url, url: path });
    callback(request, response);
  };
}

async function handleInteraction(provider: Provider, request: IncomingMessage, response: ServerResponse, isLogin: boolean) {
  const details = await provider.interactionDetails(request, response);
  if (isLogin && request.method === 'POST') {
    const accountId = new URLSearchParams(await readBody(request)).get('accountId') ?? '';
    if (!DEMO_DEBTOR_IDENTITIES.some((identity) => identity.nationalId === accountId)) throw new Error('unknown test identity');
    await provider.interactionFinished(request, response, { login: { accountId } }, { mergeWithLastSubmission: false });
    return;
  }
  const locale = details.params.ui_locales === 'en' ? 'en' : 'nb';
  const t = createTranslator({ locale, messages: locale === 'en' ? en : nb, namespace: 'minSide.demoIdp' });
  const people = DEMO_DEBTOR_IDENTITIES.map((person) => {
    const about = person.signatoryFor.length
      ? t('signatory', { nationalId: person.nationalId, organisations: person.signatoryFor.join(', ') })
      : t('person', { nationalId: person.nationalId });
    return `<li><form method="post" action="${DEMO_IDP_PATH}/interaction/${escapeHtml(details.uid)}/login"><input type="hidden" name="accountId" value="${person.nationalId}"><button type="submit">${escapeHtml(t('signInAs', { name: person.name }))}</button><p>${escapeHtml(about)}</p></form></li>`;
  });
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.end(
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t('title'))}</title>` +
      `<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#0f172a}ul{list-style:none;padding:0}li{margin:1rem 0}button{background:#1e40af;color:#fff;border:0;border-radius:.375rem;padding:.6rem 1rem;font-size:1rem}p{color:#334155}</style></head>` +
      `<body><main><h1>${escapeHtml(t('title'))}</h1><p>${escapeHtml(t('intro'))}</p><ul>${people.join('')}</ul></main></body></html>`,
  );
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 4096) reject(new Error('body too large'));
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}
