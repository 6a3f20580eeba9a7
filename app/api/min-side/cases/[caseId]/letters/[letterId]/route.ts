import { hasLocale } from 'next-intl';
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { gatedRoute, requireDebtorCase } from '@/lib/auth/gate';
import { attachmentDisposition } from '@/lib/http/content-disposition';
import { routing } from '@/lib/i18n/routing';
import { renderLetterPdf } from '@/lib/letters/pdf';
import { loadLetterWords } from '@/lib/letters/pdf-text';
import { getLetter } from '@/lib/letters/queries';

type Context = RouteContext<'/api/min-side/cases/[caseId]/letters/[letterId]'>;

/** GET: a letter of the debtor's own case as PDF (the debtor's copy, with the sign-in code); else not found. */
export const GET = gatedRoute(async (request: NextRequest, context: Context): Promise<Response> => {
  const { caseId, letterId } = await context.params;
  const actor = await requireDebtorCase(caseId);
  const asked = request.nextUrl.searchParams.get('locale');
  const locale = hasLocale(routing.locales, asked) ? asked : routing.defaultLocale;
  const letter = z.uuid().safeParse(letterId).success ? await getLetter(actor.companyId, caseId, letterId) : null;
  if (!letter) return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const bytes = new Uint8Array(await renderLetterPdf(await loadLetterWords(letter, 'NOK', locale, 'debtor')));
  return new Response(bytes, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachmentDisposition(`${letter.kind}-${letter.content.caseNumber}-${letter.sentOn}.pdf`),
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'private, no-store',
    },
  });
});
