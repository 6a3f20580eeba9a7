import { useTranslations } from 'next-intl';
import { NavLink } from '@/components/layout/nav-link';

// The desk's sections; agency work that lands later (debtor payments, settlements, the engine) adds its entry here.
// `sections`: where an entry stays marked as current (the home's case search owns the case pages).
const ITEMS: { href: string; key: 'home' | 'tasks' | 'payments' | 'settlements' | 'rates'; sections?: string[] }[] = [
  { href: '/desk', key: 'home', sections: ['/desk/cases'] },
  { href: '/desk/tasks', key: 'tasks' },
  { href: '/desk/payments', key: 'payments' },
  { href: '/desk/settlements', key: 'settlements' },
  { href: '/desk/rates', key: 'rates' },
];

export function DeskNav() {
  const t = useTranslations('desk.nav');
  return (
    <nav aria-label={t('label')}>
      <ul className="flex flex-wrap gap-1">
        {ITEMS.map((item) => (
          <li key={item.href}>
            <NavLink href={item.href} sections={item.sections}>
              {t(item.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
