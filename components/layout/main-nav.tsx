import { useTranslations } from 'next-intl';
import { NavLink } from './nav-link';

const ITEMS = [
  { href: '/cases', key: 'cases' },
  { href: '/insights', key: 'insights' },
  { href: '/reports', key: 'reports' },
] as const;

export function MainNav() {
  const t = useTranslations('nav');
  return (
    <nav aria-label={t('main')}>
      <ul className="flex gap-1">
        {ITEMS.map((item) => (
          <li key={item.href}>
            <NavLink href={item.href}>{t(item.key)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
