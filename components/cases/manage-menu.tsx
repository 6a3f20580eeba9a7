import { getTranslations } from 'next-intl/server';
import type { StatusAction } from '@/lib/cases/status-rules';
import { Link } from '@/lib/i18n/navigation';
import { DisclosureMenu } from './disclosure-menu';

// Below sm the panel spans the row of menus (see DisclosureMenu); from sm it hangs under its own button.
const MENU = 'absolute inset-x-0 z-20 mt-1 rounded-md border border-slate-200 bg-white p-1 shadow-lg sm:inset-x-auto sm:right-0 sm:w-56';
const ITEM = 'block w-full rounded px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100';
const SUMMARY =
  'flex cursor-pointer items-center gap-1 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100';

function Chevron() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
      <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
    </svg>
  );
}

/** Behandle: a disclosure of links to the server-rendered confirmation steps; only the actions the status allows. */
export async function ManageMenu({ caseId, actions }: { caseId: string; actions: readonly StatusAction[] }) {
  const t = await getTranslations('cases');
  if (actions.length === 0) return null;
  return (
    <DisclosureMenu
      summaryClassName={SUMMARY}
      summary={
        <>
          {t('manage.menu')}
          <Chevron />
        </>
      }
    >
      <ul className={MENU}>
        {actions.map((action) => (
          <li key={action}>
            <Link href={`/cases/${caseId}?confirm=${action}`} className={ITEM}>
              {t(`manage.${action}`)}
            </Link>
          </li>
        ))}
      </ul>
    </DisclosureMenu>
  );
}

/** Endre sak → Registrer betaling; for an AutoCollect company the item is shown disabled with the reason. */
export async function EditMenu({ caseId, isAutocollect }: { caseId: string; isAutocollect: boolean }) {
  const t = await getTranslations();
  return (
    <DisclosureMenu
      summaryClassName={SUMMARY}
      summary={
        <>
          {t('cases.edit.menu')}
          <Chevron />
        </>
      }
    >
      <div className={`${MENU} sm:w-72`}>
        {isAutocollect ? (
          <>
            <button
              type="button"
              disabled
              aria-describedby="edit-autocollect-reason"
              className={`${ITEM} cursor-not-allowed text-slate-400 hover:bg-transparent`}
            >
              {t('cases.edit.registerPayment')}
            </button>
            <p id="edit-autocollect-reason" className="px-3 pb-2 text-xs text-slate-600">
              {t('payments.autocollect')}
            </p>
          </>
        ) : (
          <Link href={`/cases/${caseId}?action=payment`} className={ITEM}>
            {t('cases.edit.registerPayment')}
          </Link>
        )}
      </div>
    </DisclosureMenu>
  );
}
