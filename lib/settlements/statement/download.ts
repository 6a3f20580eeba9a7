import 'server-only';
import { db } from '@/db';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/routing';
import { loadCaseStatement } from './data';
import { renderStatementPdf } from './pdf';
import { statementWords, type StatementWords } from './words';

/** The agency as the statement names it (AGENCY_* in the environment). */
function agency() {
  const { AGENCY_NAME, AGENCY_ORGANISATION_NUMBER } = env();
  return { name: AGENCY_NAME, organisationNumber: AGENCY_ORGANISATION_NUMBER };
}

/** The statement's words for the page, or null when the case has not ended (the page then 404s). */
export async function statementPage(companyId: string, caseId: string, locale: Locale): Promise<StatementWords | null> {
  const statement = await loadCaseStatement(db, companyId, caseId);
  return statement ? statementWords(statement, locale, agency()) : null;
}

/** The statement as a PDF download, or a 404 when the case has not ended (after the caller's gate). */
export async function statementPdfResponse(companyId: string, caseId: string, locale: Locale): Promise<Response> {
  const statement = await loadCaseStatement(db, companyId, caseId);
  if (!statement) return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const bytes = new Uint8Array(await renderStatementPdf(statementWords(statement, locale, agency())));
  return new Response(bytes, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="sluttoppstilling-${statement.caseNumber}.pdf"`,
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'private, no-store',
    },
  });
}
