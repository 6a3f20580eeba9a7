import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { PageHeader } from '@/components/layout/page-header';
import { StatementBody } from '@/components/settlements/statement-body';
import { StatementLinks } from '@/components/settlements/statement-links';
import { requireStaff } from '@/lib/auth/gate';
import { getDeskCase } from '@/lib/desk/queries';
import { enterLocale } from '@/lib/i18n/page-locale';
import { statementPage } from '@/lib/settlements/statement/download';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('statement'))('metaTitle'), robots: { index: false } };
}

/** The § 15 statement of an ended case on the desk (any company's case). */
export default async function DeskCaseStatementPage({ params }: PageProps<'/[locale]/desk/cases/[caseId]/statement'>) {
  const locale = await enterLocale(params);
  await requireStaff();
  const { caseId } = await params;
  const found = z.uuid().safeParse(caseId).success ? await getDeskCase(caseId) : null;
  if (!found) notFound();
  const words = await statementPage(found.companyId, found.id, locale);
  if (!words) notFound();
  return (
    <>
      <PageHeader title={words.title} />
      <StatementBody words={words} />
      <StatementLinks pdfHref={`/api/desk/cases/${found.id}/statement?locale=${locale}`} backHref={`/desk/cases/${found.id}`} />
    </>
  );
}
