import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

/** Oversikt / Historikk as plain links (each tab is its own URL), so they work without JavaScript. */
export async function CaseTabs({ caseId, current }: { caseId: string; current: 'overview' | 'history' }) {
  const t = await getTranslations('cases');
  const tabs = [
    { key: 'overview', href: `/cases/${caseId}`, label: t('detail.overview') },
    { key: 'history', href: `/cases/${caseId}?tab=history`, label: t('detail.history') },
  ] as const;
  return (
    <nav aria-label={t('detail.tabsLabel')} className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-2">
        {tabs.map((tab) => {
          const isCurrent = tab.key === current;
          return (
            <li key={tab.key}>
              <Link
                href={tab.href}
                aria-current={isCurrent ? 'page' : undefined}
                className={`block border-b-2 px-4 py-2 text-sm font-medium ${isCurrent ? 'border-brand-700 text-brand-900' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'}`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
