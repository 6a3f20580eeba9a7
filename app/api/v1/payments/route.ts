import { handlePaymentPost } from '@/lib/integrations/api/payment-route';
import { apiRoute } from '@/lib/integrations/api/route';

/** POST /api/v1/payments: a payment the debtor made to the creditor directly (Idempotency-Key required). */
export const POST = apiRoute((request, _context: unknown, principal) => handlePaymentPost(request, principal, 'payment'));
