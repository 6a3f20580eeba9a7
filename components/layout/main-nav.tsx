import { useTranslations } from 'next-intl';
import { NavLink } from './nav-link';

const ITEMS = [
  { href: '/cases', key: 'cases' },
  { href: '/insights', key: 'insights' },
  { href: '/reports', key: 'reports' },
] as const;

/** `openTasks`: the count beside Innsikt (the user's open tasks), hidden at zero. */
export function MainNav({ openTasks = 0 }: { openTasks?: number }) {
  const t = useTranslations('nav');
  return (
    <nav aria-label={t('main')}>
      <ul className="flex gap-1">
        {ITEMS.map((item) => (
          <li key={item.href}>
            <NavLink href={item.href}>
              {t(item.key)}
              {item.key === 'insights' && openTasks > 0 ? (
                <span
                  className="ml-1.5 inline-block min-w-5 rounded-full bg-brand-700 px-1.5 text-center text-xs font-semibold text-white"
                  data-testid="open-task-count"
                >
                  {openTasks}
                  <span className="sr-only"> {t('openTasks', { count: openTasks })}</span>
                </span>
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
