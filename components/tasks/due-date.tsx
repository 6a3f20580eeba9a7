import { useTranslations } from 'next-intl';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';

/** A due date; an open task past it is marked overdue in words, not by colour alone. */
export function DueDate({ dueOn, today, open, locale }: { dueOn: string; today: string; open: boolean; locale: Locale }) {
  const t = useTranslations('tasks');
  const overdue = open && dueOn < today;
  return (
    <span className={overdue ? 'font-semibold text-red-800' : undefined}>
      {t('due', { date: formatDate(dueOn, locale) })}
      {overdue ? ` · ${t('overdue')}` : null}
    </span>
  );
}
