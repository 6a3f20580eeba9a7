import 'server-only';
import { env, isDemo } from '@/lib/env';
import { DEMO_IDP_CLIENT_ID, DEMO_IDP_PATH, demoIdpClientSecret } from './demo-idp-client';

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  nationalIdClaim: string;
  nameClaim: string;
  organisationsClaim: string | null;
  /** Plain http to the issuer: only the demo's local provider. */
  allowHttp: boolean;
};

/** BankID's configuration from the environment; in the demo without one, the local provider; else null (no BankID). */
export function oidcConfig(): OidcConfig | null {
  const e = env();
  const claims = { scope: e.DEBTOR_OIDC_SCOPE, nationalIdClaim: e.DEBTOR_OIDC_NATIONAL_ID_CLAIM, nameClaim: e.DEBTOR_OIDC_NAME_CLAIM };
  if (e.DEBTOR_OIDC_ISSUER && e.DEBTOR_OIDC_CLIENT_ID && e.DEBTOR_OIDC_CLIENT_SECRET) {
    return {
      issuer: e.DEBTOR_OIDC_ISSUER,
      clientId: e.DEBTOR_OIDC_CLIENT_ID,
      clientSecret: e.DEBTOR_OIDC_CLIENT_SECRET,
      ...claims,
      organisationsClaim: e.DEBTOR_OIDC_ORGANISATIONS_CLAIM ?? null,
      allowHttp: false,
    };
  }
  if (!isDemo()) return null;
  return {
    issuer: `${e.PORTAL_URL}${DEMO_IDP_PATH}`,
    clientId: DEMO_IDP_CLIENT_ID,
    clientSecret: demoIdpClientSecret(e.AUTH_SECRET),
    scope: 'openid profile',
    nationalIdClaim: 'nnin',
    nameClaim: 'name',
    organisationsClaim: 'signatory_for',
    allowHttp: true,
  };
}

export function bankIdAvailable(): boolean {
  return oidcConfig() !== null;
}

/** Where the identity provider sends the browser back (registered with the provider). */
export function oidcRedirectUri(): string {
  return `${env().PORTAL_URL}/api/min-side/bankid/callback`;
}
