import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { gatedRoute, requireCaseRole } from '@/lib/auth/gate';
import { getCaseAttachment } from '@/lib/invoices/queries';
import { attachmentDisposition } from '@/lib/http/content-disposition';

type Context = RouteContext<'/api/cases/[caseId]/attachments/[attachmentId]'>;

/** GET: an invoice's PDF, for users of the case's company (Lese and up); anything else is not found. */
export const GET = gatedRoute(async (_request: NextRequest, context: Context): Promise<Response> => {
  const { caseId, attachmentId } = await context.params;
  const actor = await requireCaseRole(caseId, 'read');
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
