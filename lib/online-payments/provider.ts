// The one shape every way of paying online has: the debtor is sent to the provider and comes back; the provider
// then tells us (a signed callback, or for the local provider its own page) whether the money came.

export type PaymentProviderName = 'vipps' | 'local';

export type CreatePaymentInput = {
  /** Our order reference, unique per payment (the provider's `reference`). */
  reference: string;
  amountOre: number;
  /** Sent as the provider's Idempotency-Key: a retried create starts no second payment. */
  idempotencyKey: string;
  /** Where the provider sends the debtor back. */
  returnUrl: string;
  /** Shown to the debtor in the app (the case number). */
  description: string;
};

export type CreatedPayment = { redirectUrl: string };

/** What a verified provider event means for us. */
export type ProviderOutcome = 'approved' | 'declined' | 'abandoned' | 'ignored';

export type PaymentProvider = {
  name: PaymentProviderName;
  createPayment(input: CreatePaymentInput): Promise<CreatedPayment>;
  /** Takes the reserved money (Vipps reserves on AUTHORIZED; we capture at once, the claim is owed now). */
  capture(input: { reference: string; amountOre: number; idempotencyKey: string }): Promise<void>;
};

/** The ePayment webhook's event names, mapped to what we do with them. */
export function outcomeOfEvent(name: string): ProviderOutcome {
  switch (name) {
    case 'AUTHORIZED':
    case 'CAPTURED':
      return 'approved';
    case 'ABORTED':
    case 'CANCELLED':
    case 'TERMINATED':
      return 'declined';
    case 'EXPIRED':
      return 'abandoned';
    default:
      return 'ignored';
  }
}
