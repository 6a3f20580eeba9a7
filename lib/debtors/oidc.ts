import 'server-only';
import { and, eq, gt } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { Database } from '@/db';
import { debtorSignInFlows } from '@/db/schema';
import type { DebtorIdentity } from '@/lib/auth/debtor-session';
import { isValidNationalId, isValidOrganisationNumber } from '@/lib/norwegian-ids';
import { oidcRedirectUri, type OidcConfig } from './oidc-config';

/** The browser has this long between leaving for BankID and coming back. */
export const SIGN_IN_FLOW_TTL_MS = 10 * 60 * 1000;

const configurations = new Map<string, Promise<oidc.Configuration>>();

/** The provider's metadata (discovery), once per process; a failed discovery is tried again next time. */
function configuration(config: OidcConfig): Promise<oidc.Configuration> {
  const key = `${config.issuer}|${config.clientId}`;
  let found = configurations.get(key);
  if (!found) {
    found = oidc.discovery(
      new URL(config.issuer),
      config.clientId,
      undefined,
      oidc.ClientSecretBasic(config.clientSecret),
      config.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    found.catch(() => configurations.delete(key));
    configurations.set(key, found);
  }
  return found;
}

/**
 * Starts a BankID sign-in: authorization code flow with PKCE (S256), state and nonce, kept server-side under a
 * random flow id (the browser's short-lived cookie), used once. Returns the flow id and where to send the browser.
 */
export async function beginBankIdSignIn(db: Database, config: OidcConfig, locale: string, now: Date = new Date()) {
  const provider = await configuration(config);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const [flow] = await db
    .insert(debtorSignInFlows)
    .values({ state, nonce, codeVerifier, locale, createdAt: now, expiresAt: new Date(now.getTime() + SIGN_IN_FLOW_TTL_MS) })
    .returning({ id: debtorSignInFlows.id });
  if (!flow) throw new Error('sign-in flow insert returned nothing');
  const url = oidc.buildAuthorizationUrl(provider, {
    redirect_uri: oidcRedirectUri(),
    scope: config.scope,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ui_locales: locale,
  });
  return { flowId: flow.id, url };
}

export type BankIdResult =
  { ok: true; identity: Extract<DebtorIdentity, { kind: 'bankid' }>; locale: string } | { ok: false; locale: string | null };

/**
 * The provider's answer: the flow is taken (deleted, so a replay finds nothing), then openid-client checks state,
 * exchanges the code with the PKCE verifier and checks the ID token (signature, issuer, audience, nonce). Any
 * mismatch, a missing or invalid national id, or a provider error is a refusal.
 */
export async function finishBankIdSignIn(
  db: Database,
  config: OidcConfig,
  flowId: string,
  query: URLSearchParams,
  now: Date = new Date(),
): Promise<BankIdResult> {
  const [flow] = await db
    .delete(debtorSignInFlows)
    .where(and(eq(debtorSignInFlows.id, flowId), gt(debtorSignInFlows.expiresAt, now)))
    .returning();
  if (!flow) return { ok: false, locale: null };
  const currentUrl = new URL(oidcRedirectUri());
  for (const [name, value] of query) currentUrl.searchParams.append(name, value);
  try {
    const provider = await configuration(config);
    const tokens = await oidc.authorizationCodeGrant(provider, currentUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const claims: Record<string, unknown> = { ...tokens.claims() };
    if (claims[config.nationalIdClaim] === undefined && typeof claims.sub === 'string') {
      Object.assign(claims, await oidc.fetchUserInfo(provider, tokens.access_token, claims.sub));
    }
    const identity = identityFromClaims(claims, config);
    return identity ? { ok: true, identity, locale: flow.locale } : { ok: false, locale: flow.locale };
  } catch {
    return { ok: false, locale: flow.locale };
  }
}

/** The person and their signatory rights from the claims the configuration names; null without a valid national id. */
export function identityFromClaims(
  claims: Record<string, unknown>,
  config: Pick<OidcConfig, 'nationalIdClaim' | 'nameClaim' | 'organisationsClaim'>,
) {
  const nationalId = claims[config.nationalIdClaim];
  if (typeof nationalId !== 'string' || !isValidNationalId(nationalId)) return null;
  const name = claims[config.nameClaim];
  const raw = config.organisationsClaim ? claims[config.organisationsClaim] : undefined;
  const listed = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
  const organisationNumbers = [
    ...new Set(listed.filter((value): value is string => typeof value === 'string').map((value) => value.replace(/\s/g, ''))),
  ].filter(isValidOrganisationNumber);
  return {
    kind: 'bankid' as const,
    nationalId: nationalId.replace(/\s/g, ''),
    name: typeof name === 'string' ? name : null,
    organisationNumbers,
  };
}
