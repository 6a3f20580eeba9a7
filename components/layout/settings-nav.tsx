'use client';

import { useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';

const SECTIONS = [
  {
    heading: 'yourUser',
    items: [
      { href: '/settings/profile', key: 'profile' },
      { href: '/settings/notifications', key: 'notifications' },
    ],
  },
  {
    heading: 'company',
    items: [
      { href: '/settings/users', key: 'users' },
      { href: '/settings/company/settlement', key: 'settlementReports' },
      // Administrators only (the page itself refuses everyone else with not found).
      { href: '/settings/company/integrations', key: 'integrations', adminOnly: true },
    ],
  },
  {
    heading: null,
    items: [
      { href: '/settings/security', key: 'security' },
      { href: '/settings/beta', key: 'beta' },
    ],
  },
] as const;

/** `isAdmin`: the user administers at least one company (decides only what the menu shows). */
export function SettingsNav({ isAdmin = false }: { isAdmin?: boolean }) {
  const t = useTranslations('settings');
  const pathname = usePathname();
  return (
    <nav aria-label={t('title')} className="grid content-start gap-4">
      {SECTIONS.map((section, index) => (
        <div key={index}>
          {section.heading ? (
            <p className="mb-1 px-3 text-xs font-semibold uppercase tracking-wide text-slate-600">{t(section.heading)}</p>
          ) : null}
          <ul>
            {section.items
              .filter((item) => isAdmin || !('adminOnly' in item && item.adminOnly))
              .map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={pathname === item.href ? 'page' : undefined}
                    className="block rounded-md px-3 py-2 text-sm text-slate-800 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold"
                  >
                    {t(item.key)}
                  </Link>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
