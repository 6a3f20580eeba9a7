import { db } from '@/db';
import { createInvoiceRequest } from '@/lib/integrations/api/contract';
import { invoiceAnswerBody, submitApiInvoice } from '@/lib/integrations/api/invoices';
import { apiRoute, json, readBody } from '@/lib/integrations/api/route';

/** POST /api/v1/invoices: an overdue invoice to collection; the same invoice number again answers with its case. */
export const POST = apiRoute(async (request, _context: unknown, principal) => {
  const { data } = await readBody(request, createInvoiceRequest);
  const answer = await submitApiInvoice(db, principal, data);
  return json(await invoiceAnswerBody(db, principal, answer), answer.status);
});
