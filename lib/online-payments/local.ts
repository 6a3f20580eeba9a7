import type { PaymentProvider } from './provider';

/**
 * The demo's and the tests' provider: the "app" is a page of the portal (/[locale]/min-side/demo-payment/[reference]) where
 * the debtor approves or declines. Refused in production (lib/online-payments/config.ts).
 */
export function localProvider(portalUrl: string, locale: string): PaymentProvider {
  return {
    name: 'local',
    async createPayment(input) {
      const url = new URL(`/${locale}/min-side/demo-payment/${encodeURIComponent(input.reference)}`, portalUrl);
      return { redirectUrl: url.pathname };
    },
    async capture() {},
  };
}
