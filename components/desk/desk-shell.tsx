import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { UserMenu } from '@/components/layout/user-menu';
import { DeskNav } from './desk-nav';
import { BrandLink, SkipLink } from '@/components/layout/shell-parts';

/** The agency's side: the portal's visual language, marked as the desk so a case handler never mistakes it. */
export async function DeskShell({ userName, children }: { userName: string; children: ReactNode }) {
  const t = await getTranslations();
  return (
    <>
      <SkipLink />
      <header className="border-b border-slate-200 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-7xl items-center gap-4 px-4 py-2">
          <BrandLink href="/desk" className="text-white">
            {t('desk.title')}
          </BrandLink>
          <div className="hidden rounded bg-white px-1 text-slate-900 md:block">
            <DeskNav />
          </div>
          <div className="ml-auto min-w-0 rounded bg-white text-slate-900">
            <UserMenu name={userName} navigation={<DeskNav />} />
          </div>
        </div>
      </header>
      <main id="content" className="mx-auto max-w-7xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
