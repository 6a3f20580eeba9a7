import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { gatedRoute, requireDebtorCase } from '@/lib/auth/gate';
import { attachmentDisposition } from '@/lib/http/content-disposition';
import { getCaseAttachment } from '@/lib/invoices/queries';

type Context = RouteContext<'/api/min-side/cases/[caseId]/attachments/[attachmentId]'>;

/** GET: the invoice PDF the creditor uploaded, for the debtor of the case; anything else is not found. */
export const GET = gatedRoute(async (_request: NextRequest, context: Context): Promise<Response> => {
  const { caseId, attachmentId } = await context.params;
  const actor = await requireDebtorCase(caseId);
  const attachment = z.uuid().safeParse(attachmentId).success ? await getCaseAttachment(actor.companyId, caseId, attachmentId) : null;
  if (!attachment) return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const bytes = new Uint8Array(attachment.content);
  return new Response(bytes, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachmentDisposition(attachment.fileName),
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'private, no-store',
    },
  });
});
