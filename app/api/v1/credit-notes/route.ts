import { handlePaymentPost } from '@/lib/integrations/api/payment-route';
import { apiRoute } from '@/lib/integrations/api/route';

/** POST /api/v1/credit-notes: a credit note on the case's invoice (Idempotency-Key required). */
export const POST = apiRoute((request, _context: unknown, principal) => handlePaymentPost(request, principal, 'credit'));
