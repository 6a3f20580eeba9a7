import { createHmac } from 'node:crypto';

// Shared by the portal (lib/debtors/oidc-config.ts) and the demo's provider (lib/cli/demo-idp.ts), which loads
// without the server-only condition.

/** Where the demo's local identity provider is mounted (lib/cli/demo-idp.ts, only when PORTAL_DEMO=1). */
export const DEMO_IDP_PATH = '/demo-bankid';
export const DEMO_IDP_CLIENT_ID = 'min-side-demo';

/** The demo client's secret, derived so that the portal and the local provider in the same process agree. */
export function demoIdpClientSecret(authSecret: string): string {
  return createHmac('sha256', authSecret).update('min-side:demo-idp-client').digest('base64url');
}
