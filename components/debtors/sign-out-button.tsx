import { getTranslations } from 'next-intl/server';
import { signOutDebtorAction } from '@/lib/debtors/actions';

/** A plain form, so signing out works without JavaScript. */
export async function DebtorSignOutButton() {
  const t = await getTranslations('minSide');
  return (
    <form action={signOutDebtorAction}>
      <button type="submit" className="rounded-md px-2 py-1 text-sm font-medium text-slate-700 underline hover:text-slate-900">
        {t('signOut')}
      </button>
    </form>
  );
}
