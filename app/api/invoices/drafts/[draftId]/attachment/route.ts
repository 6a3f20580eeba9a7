import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { db } from '@/db';
import { gatedRoute, requireRole, requireSignedIn } from '@/lib/auth/gate';
import { DomainError } from '@/lib/errors';
import { attachInvoicePdf } from '@/lib/invoices/mutations';
import { checkPdf } from '@/lib/invoices/pdf';
import { getMyDraft } from '@/lib/invoices/queries';
import { readInvoiceUpload } from '@/lib/invoices/upload';

type Context = { params: Promise<{ draftId: string }> };

/**
 * + Ny faktura, step 2 → Last opp PDF: a plain multipart form posts the invoice's PDF here (with or without
 * JavaScript alike). The gate comes first and reads nothing of the body; then the body is read while counted (10 MB,
 * refused as soon as it is passed) and the PDF checked by its structure. The answer is a 303 back to the step with
 * the outcome's message key (`upload=`), which the page translates.
 */
export const POST = gatedRoute(async (request: NextRequest, { params }: Context) => {
  const user = await requireSignedIn();
  const { draftId } = await params;
  const draft = z.uuid().safeParse(draftId).success ? await getMyDraft(user.userId, draftId) : null;
  if (!draft) return new Response(null, { status: 404, headers: { Connection: 'close' } });
  const actor = await requireRole(draft.companyId, 'write');
  const locale = request.nextUrl.searchParams.get('locale') === 'en' ? 'en' : 'nb';
  const back = (outcome: string, refused: boolean) => {
    // A relative Location: the browser stays on the origin it posted from (behind a proxy the server's own host
    // differs, and CSP's form-action refuses a redirect to another origin).
    const response = new Response(null, { status: 303, headers: { Location: `/${locale}/cases/new?draft=${draft.id}&upload=${outcome}` } });
    // A refused body may still be arriving: close the connection rather than read the rest.
    if (refused) response.headers.set('Connection', 'close');
    return response;
  };
  const upload = await readInvoiceUpload(request);
  if (!upload.ok) return back(upload.messageKey.replace('invoices.errors.', ''), true);
  const pdf = await checkPdf(upload.file);
  if (!pdf.ok) return back(pdf.messageKey.replace('invoices.errors.', ''), true);
  try {
    await db.transaction((tx) => attachInvoicePdf(tx, actor, draft.id, pdf));
  } catch (error) {
    if (error instanceof DomainError) return back(error.messageKey.replace('invoices.errors.', ''), false);
    throw error;
  }
  return back('saved', false);
});
