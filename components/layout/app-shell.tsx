import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Link } from '@/lib/i18n/navigation';
import { MainNav } from './main-nav';
import { NavLink } from './nav-link';
import { UserMenu } from './user-menu';

export async function AppShell({ userName, openTasks = 0, children }: { userName: string; openTasks?: number; children: ReactNode }) {
  const t = await getTranslations();
  return (
    <>
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2">
        {t('common.skipToContent')}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-2 md:gap-6">
          <Link href="/cases" className="flex shrink-0 items-center gap-2 py-2 text-base font-semibold text-brand-900">
            {/* eslint-disable-next-line @next/next/no-img-element -- a 28 px SVG from public/ needs no image optimisation */}
            <img src="/logo.svg" alt="" width={28} height={28} />
            {t('common.appName')}
          </Link>
          {/* Below md the navigation moves into the menu beside the name (one button; the name stays visible). */}
          <div className="hidden md:block">
            <MainNav openTasks={openTasks} />
          </div>
          <div className="ml-auto flex min-w-0 items-center gap-2">
            <div className="hidden md:block">
              <NavLink href="/help">{t('nav.help')}</NavLink>
            </div>
            <UserMenu
              name={userName}
              navigation={
                <>
                  <MainNav openTasks={openTasks} />
                  <div className="mt-1">
                    <NavLink href="/help">{t('nav.help')}</NavLink>
                  </div>
                </>
              }
            />
          </div>
        </div>
      </header>
      <main id="content" className="mx-auto max-w-7xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
