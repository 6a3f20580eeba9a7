import { useTranslations } from 'next-intl';
import { STATUS_FILTERS, type CaseListParams, type StatusFilter as Status } from '@/lib/case-list/schemas';
import { caseListQuery } from '@/lib/case-list/url';
import type { Locale } from '@/lib/i18n/routing';
import { PortalLink } from './portal-link';

/** The status filter as links ("Velg filter Aktiv" is one click, with or without JavaScript); keeps the other filters. */
export function StatusFilter({ params, locale }: { params: CaseListParams; locale: Locale }) {
  const t = useTranslations('caseList');
  return (
    <nav aria-label={t('statusFilter')} className="flex flex-wrap items-center gap-2">
      <span className="text-sm font-medium text-slate-800" aria-hidden="true">
        {t('statusFilter')}:
      </span>
      <ul className="flex flex-wrap gap-1">
        {STATUS_FILTERS.map((status: Status) => {
          const isCurrent = params.status === status;
          return (
            <li key={status}>
              <PortalLink
                href={{ pathname: '/cases', query: caseListQuery(params, { status }) }}
                locale={locale}
                aria-current={isCurrent ? 'page' : undefined}
                className={`block rounded-full border px-3 py-1 text-sm font-medium ${
                  isCurrent ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'
                }`}
              >
                {t(`status.${status}`)}
              </PortalLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
