import type { CreatePaymentInput, PaymentProvider } from './provider';

// Vipps MobilePay ePayment API over plain fetch (the official SDK's Deno-first package adds nothing we need here).
// The base URL is one of the two official hosts, chosen by VIPPS_ENVIRONMENT, never taken from input.

export const VIPPS_HOSTS = { test: 'https://apitest.vipps.no', production: 'https://api.vipps.no' } as const;

export type VippsConfig = {
  environment: keyof typeof VIPPS_HOSTS;
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
  merchantSerialNumber: string;
};

const TIMEOUT_MS = 10_000;

export class VippsError extends Error {
  constructor(
    readonly status: number,
    readonly step: string,
  ) {
    super(`Vipps ${step} answered ${status}`);
    this.name = 'VippsError';
  }
}

export function vippsProvider(config: VippsConfig, fetcher: typeof fetch = fetch): PaymentProvider {
  const base = VIPPS_HOSTS[config.environment];
  const common = {
    'Ocp-Apim-Subscription-Key': config.subscriptionKey,
    'Merchant-Serial-Number': config.merchantSerialNumber,
    'Vipps-System-Name': 'inkassoportal',
    'Vipps-System-Version': '1',
  };
  let token: { value: string; expiresAt: number } | null = null;

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now() + 60_000) return token.value;
    const response = await fetcher(`${base}/accesstoken/get`, {
      method: 'POST',
      headers: { ...common, client_id: config.clientId, client_secret: config.clientSecret },
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new VippsError(response.status, 'accesstoken');
    const body = (await response.json()) as { access_token: string; expires_in: string | number };
    token = { value: body.access_token, expiresAt: Date.now() + Number(body.expires_in) * 1000 };
    return token.value;
  }

  async function post(path: string, idempotencyKey: string, body: unknown, step: string) {
    const response = await fetcher(`${base}${path}`, {
      method: 'POST',
      headers: {
        ...common,
        Authorization: `Bearer ${await accessToken()}`,
        'Idempotency-Key': idempotencyKey,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new VippsError(response.status, step);
    return response.json() as Promise<Record<string, unknown>>;
  }

  return {
    name: 'vipps',
    async createPayment(input: CreatePaymentInput) {
      const created = await post(
        '/epayment/v1/payments',
        input.idempotencyKey,
        {
          amount: { currency: 'NOK', value: input.amountOre },
          paymentMethod: { type: 'WALLET' },
          reference: input.reference,
          returnUrl: input.returnUrl,
          userFlow: 'WEB_REDIRECT',
          paymentDescription: input.description,
        },
        'create',
      );
      if (typeof created.redirectUrl !== 'string') throw new VippsError(502, 'create');
      return { redirectUrl: created.redirectUrl };
    },
    async capture({ reference, amountOre, idempotencyKey }) {
      await post(
        `/epayment/v1/payments/${encodeURIComponent(reference)}/capture`,
        idempotencyKey,
        { modificationAmount: { currency: 'NOK', value: amountOre } },
        'capture',
      );
    },
  };
}
