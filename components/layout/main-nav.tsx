'use client';

import { useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';

const ITEMS = [
  { href: '/cases', key: 'cases' },
  { href: '/insights', key: 'insights' },
  { href: '/reports', key: 'reports' },
] as const;

export function MainNav() {
  const t = useTranslations('nav');
  const pathname = usePathname();
  return (
    <nav aria-label={t('main')}>
      <ul className="flex gap-1">
        {ITEMS.map((item) => {
          const isCurrent = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isCurrent ? 'page' : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium ${isCurrent ? 'bg-brand-50 text-brand-900' : 'text-slate-700 hover:bg-slate-100'}`}
              >
                {t(item.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
