import { env, isDemo } from '@/lib/env';
import { localProvider } from './local';
import type { PaymentProvider, PaymentProviderName } from './provider';
import { vippsProvider } from './vipps';

/** Which provider takes payments: Vipps when configured, the local page only in the demo (and tests); else none. */
export function configuredProviderName(): PaymentProviderName | null {
  const settings = env();
  if (settings.PAYMENT_PROVIDER === 'vipps') return 'vipps';
  if (settings.PAYMENT_PROVIDER === 'local' || settings.PAYMENT_PROVIDER === undefined) return isDemo() ? 'local' : null;
  return null;
}

/** The local provider exists only in the demo; in production its page and its approval are refused. */
export function localProviderAllowed(): boolean {
  return configuredProviderName() === 'local';
}

export function paymentProvider(locale: string): PaymentProvider | null {
  const settings = env();
  const name = configuredProviderName();
  if (name === 'local') return localProvider(settings.PORTAL_URL, locale);
  if (name !== 'vipps') return null;
  const { VIPPS_CLIENT_ID, VIPPS_CLIENT_SECRET, VIPPS_SUBSCRIPTION_KEY, VIPPS_MERCHANT_SERIAL_NUMBER } = settings;
  if (!VIPPS_CLIENT_ID || !VIPPS_CLIENT_SECRET || !VIPPS_SUBSCRIPTION_KEY || !VIPPS_MERCHANT_SERIAL_NUMBER) {
    throw new Error(
      'PAYMENT_PROVIDER=vipps needs VIPPS_CLIENT_ID, VIPPS_CLIENT_SECRET, VIPPS_SUBSCRIPTION_KEY and VIPPS_MERCHANT_SERIAL_NUMBER.',
    );
  }
  return vippsProvider({
    environment: settings.VIPPS_ENVIRONMENT,
    clientId: VIPPS_CLIENT_ID,
    clientSecret: VIPPS_CLIENT_SECRET,
    subscriptionKey: VIPPS_SUBSCRIPTION_KEY,
    merchantSerialNumber: VIPPS_MERCHANT_SERIAL_NUMBER,
  });
}
