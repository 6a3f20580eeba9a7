import { useTranslations } from 'next-intl';
import { NavLink } from '@/components/layout/nav-link';

// The desk's sections; agency work that lands later (debtor payments, settlements, the engine) adds its entry here.
const ITEMS = [
  { href: '/desk', key: 'home' },
  { href: '/desk/payments', key: 'payments' },
  { href: '/desk/settlements', key: 'settlements' },
] as const;

export function DeskNav() {
  const t = useTranslations('desk.nav');
  return (
    <nav aria-label={t('label')}>
      <ul className="flex flex-wrap gap-1">
        {ITEMS.map((item) => (
          <li key={item.href}>
            <NavLink href={item.href}>{t(item.key)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
