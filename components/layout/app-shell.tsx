import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { MainNav } from './main-nav';
import { NavLink } from './nav-link';
import { UserMenu } from './user-menu';
import { BrandLink, SkipLink } from '@/components/layout/shell-parts';

export async function AppShell({ userName, openTasks = 0, children }: { userName: string; openTasks?: number; children: ReactNode }) {
  const t = await getTranslations();
  return (
    <>
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-2 md:gap-6">
          <BrandLink href="/cases" className="text-brand-900">
            {t('common.appName')}
          </BrandLink>
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
