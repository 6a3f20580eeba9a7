import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

/** The case page's ways to act: pay, object, time or a plan, write to us; letters in Min side. */
export async function CaseActionsNav({ caseId }: { caseId: string }) {
  const t = await getTranslations('debtorActions.nav');
  const links = [
    { href: `/min-side/cases/${caseId}/pay`, label: t('pay') },
    { href: `/min-side/cases/${caseId}/object`, label: t('object') },
    { href: `/min-side/cases/${caseId}/plan`, label: t('plan') },
    { href: `/min-side/cases/${caseId}/messages`, label: t('messages') },
    { href: '/min-side/settings', label: t('settings') },
  ];
  return (
    <nav aria-labelledby="case-actions" className="mb-6 rounded-md border border-slate-300 bg-white px-4 py-3">
      <h2 id="case-actions" className="mb-2 text-base font-semibold">
        {t('actions')}
      </h2>
      <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className="text-brand-700 underline">
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
