import { hasLocale } from 'next-intl';
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { gatedRoute, requireCaseRole } from '@/lib/auth/gate';
import { routing } from '@/lib/i18n/routing';
import { renderLetterPdf } from '@/lib/letters/pdf';
import { loadLetterWords } from '@/lib/letters/pdf-text';
import { getLetter } from '@/lib/letters/queries';
import { attachmentDisposition } from '@/lib/http/content-disposition';

type Context = RouteContext<'/api/cases/[caseId]/letters/[letterId]'>;

/** GET: a letter the engine sent, as PDF, for users of the case's company (Lese and up); else not found. */
export const GET = gatedRoute(async (request: NextRequest, context: Context): Promise<Response> => {
  const { caseId, letterId } = await context.params;
  const actor = await requireCaseRole(caseId, 'read');
  const asked = request.nextUrl.searchParams.get('locale');
  const locale = hasLocale(routing.locales, asked) ? asked : routing.defaultLocale;
  const letter = z.uuid().safeParse(letterId).success ? await getLetter(actor.companyId, caseId, letterId) : null;
  if (!letter) return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const bytes = new Uint8Array(await renderLetterPdf(await loadLetterWords(letter, 'NOK', locale)));
  const fileName = `${letter.kind}-${letter.content.caseNumber}-${letter.sentOn}.pdf`;
  return new Response(bytes, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachmentDisposition(fileName),
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'private, no-store',
    },
  });
});
