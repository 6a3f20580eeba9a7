import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { StatementBody } from '@/components/settlements/statement-body';
import { StatementLinks } from '@/components/settlements/statement-links';
import { requireCaseRole } from '@/lib/auth/gate';
import { enterLocale } from '@/lib/i18n/page-locale';
import { statementPage } from '@/lib/settlements/statement/download';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('statement'))('metaTitle') };
}

/** The § 15 statement of an ended case, for the creditor (Lese and up); a case still running has none (404). */
export default async function CaseStatementPage({ params }: PageProps<'/[locale]/cases/[caseId]/statement'>) {
  const locale = await enterLocale(params);
  const { caseId } = await params;
  const actor = await requireCaseRole(caseId, 'read');
  const words = await statementPage(actor.companyId, caseId, locale);
  if (!words) notFound();
  return (
    <>
      <PageHeader title={words.title} />
      <StatementBody words={words} />
      <StatementLinks pdfHref={`/api/cases/${caseId}/statement?locale=${locale}`} backHref={`/cases/${caseId}`} />
    </>
  );
}
