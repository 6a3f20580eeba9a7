import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import type { NextRequest } from 'next/server';
import { gatedRoute, requireDebtorCase } from '@/lib/auth/gate';
import { submitObjection } from '@/lib/objections/submit';
import { dispatchOutbox } from '@/lib/queue/kicks';

type Context = RouteContext<'/api/min-side/cases/[caseId]/objection'>;

/**
 * Min side → Innsigelse: the objection form (a plain multipart form, with or without JavaScript) posts here, not to a
 * server action, so that its receipts may be 10 MB each. The debtor gate comes first and reads nothing of the body;
 * then lib/objections/submit.ts reads it counted, checks it and writes it in one transaction. A browser's form post
 * gets a 303 back to the form page (`filed=1`, or `error=` codes the page translates beside their fields); any other
 * client the refusal's 4xx with the translated messages.
 */
export const POST = gatedRoute(async (request: NextRequest, context: Context): Promise<Response> => {
  const { caseId } = await context.params;
  const actor = await requireDebtorCase(caseId);
  const locale = request.nextUrl.searchParams.get('locale') === 'en' ? 'en' : 'nb';
  const submitted = await submitObjection(request, actor);
  // A relative Location keeps the browser on the origin it posted from (CSP's form-action refuses another).
  const page = `/${locale}/min-side/cases/${actor.caseId}/object`;
  if (submitted.ok) {
    await dispatchOutbox(submitted.outboxIds);
    revalidatePath('/[locale]/min-side/cases/[caseId]', 'layout');
    return new Response(null, { status: 303, headers: { Location: `${page}?filed=1` } });
  }
  // A refused body may still be arriving: close the connection rather than read the rest.
  const headers = { Connection: 'close', 'Cache-Control': 'no-store' };
  if (request.headers.get('sec-fetch-mode') === 'navigate') {
    const query = new URLSearchParams({ error: submitted.errors.join(',') });
    if (submitted.reason) query.set('reason', submitted.reason);
    return new Response(null, { status: 303, headers: { ...headers, Location: `${page}?${query}` } });
  }
  const t = await getTranslations({ locale, namespace: 'debtorActions.object.errors' });
  return Response.json(
    { errors: submitted.errors, messages: submitted.errors.map((error) => t(error)) },
    { status: submitted.status, headers },
  );
});
