'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRef, type ReactNode } from 'react';
import { useDismissibleDetails } from '@/components/ui/use-dismissible-details';
import { setLocaleAction, signOutAction } from '@/lib/auth/actions';
import { Link, usePathname } from '@/lib/i18n/navigation';

// Language names are always written in their own language.
const LANGUAGES = [
  { locale: 'nb', label: 'Norsk' },
  { locale: 'en', label: 'English' },
] as const;

const ITEM = 'block w-full rounded px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100';

/**
 * A disclosure (details/summary), so it opens without JavaScript. `navigation` (the shell's own links) shows in
 * it only below md, where the header has no room for them: on a phone this is the one menu button.
 */
export function UserMenu({ name, navigation }: { name: string; navigation?: ReactNode }) {
  const t = useTranslations('nav');
  const locale = useLocale();
  const pathname = usePathname();
  const ref = useRef<HTMLDetailsElement>(null);

  useDismissibleDetails(ref);

  return (
    <details ref={ref} className="relative min-w-0">
      <summary
        aria-label={t('userMenu', { name })}
        className="flex min-w-0 cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-100"
      >
        <span className="truncate">{name}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0 fill-current">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-56 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        {navigation ? <div className="mb-1 border-b border-slate-100 pb-1 md:hidden [&_ul]:flex-col">{navigation}</div> : null}
        <Link href="/settings" className={ITEM}>
          {t('settings')}
        </Link>
        <div role="group" aria-label={t('language')} className="my-1 flex border-y border-slate-100 py-1">
          {LANGUAGES.map((language) => (
            <form key={language.locale} action={setLocaleAction} className="flex-1">
              <input type="hidden" name="locale" value={language.locale} />
              <input type="hidden" name="returnTo" value={pathname} />
              <button
                type="submit"
                lang={language.locale}
                aria-current={language.locale === locale ? 'true' : undefined}
                className={`${ITEM} text-center aria-[current=true]:font-semibold`}
              >
                {language.label}
              </button>
            </form>
          ))}
        </div>
        <form action={signOutAction}>
          <button type="submit" className={ITEM}>
            {t('signOut')}
          </button>
        </form>
      </div>
    </details>
  );
}
