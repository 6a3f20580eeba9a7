import { useTranslations } from 'next-intl';
import { PAGE_SIZE, COUNT_CAP, type CaseListParams } from '@/lib/case-list/schemas';
import { caseListQuery } from '@/lib/case-list/url';
import type { Locale } from '@/lib/i18n/routing';
import { PortalLink } from './portal-link';

type Props = {
  params: CaseListParams;
  locale: Locale;
  nextCursor: string | null;
  previousCursor: string | null;
  /** The list being paged: Saker, or the desk's search of every company (the same query and SQL). */
  pathname?: '/cases' | '/desk';
};

type SummaryProps = {
  page: number;
  shown: number;
  /** Matching cases, cap + 1 meaning "more than the cap". */
  total: number;
  /** Where counting stopped: countCap(params) (a search counts less far). */
  cap?: number;
};

/** "1 234 saker · Viser 51–100": the count is capped, so a million cases cost no more to count than ten thousand. */
export function CaseListSummary({ page, shown, total, cap = COUNT_CAP }: SummaryProps) {
  const t = useTranslations('caseList');
  const start = (page - 1) * PAGE_SIZE + 1;
  return (
    <p className="mb-2 text-sm text-slate-700" role="status">
      {total > cap ? t('countCapped', { count: cap }) : t('count', { count: total })}
      {shown > 0 ? ` · ${t('range', { from: start, to: start + shown - 1 })}` : null}
    </p>
  );
}

const LINK = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100';

/** Keyset paging: next/previous carry the cursor of the page's last/first row, so deep pages cost the same as the first. */
export function CasePagination({ params, locale, nextCursor, previousCursor, pathname = '/cases' }: Props) {
  const t = useTranslations('caseList');
  if (!previousCursor && !nextCursor) return null;
  const previousQuery =
    params.page <= 2 ? caseListQuery(params) : caseListQuery(params, { before: previousCursor ?? undefined, page: params.page - 1 });
  return (
    <nav aria-label={t('pagination')} className="mt-4 flex items-center justify-end gap-2">
      {params.page > 2 ? (
        <PortalLink href={{ pathname, query: caseListQuery(params) }} locale={locale} className={LINK}>
          {t('first')}
        </PortalLink>
      ) : null}
      {previousCursor ? (
        <PortalLink href={{ pathname, query: previousQuery }} locale={locale} rel="prev" className={LINK}>
          {t('previous')}
        </PortalLink>
      ) : null}
      <span className="px-2 text-sm text-slate-700" aria-current="page">
        {t('page', { page: params.page })}
      </span>
      {nextCursor ? (
        <PortalLink
          href={{ pathname, query: caseListQuery(params, { after: nextCursor, page: params.page + 1 }) }}
          locale={locale}
          rel="next"
          className={LINK}
        >
          {t('next')}
        </PortalLink>
      ) : null}
    </nav>
  );
}
