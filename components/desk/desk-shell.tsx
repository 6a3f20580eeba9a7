import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { UserMenu } from '@/components/layout/user-menu';
import { Link } from '@/lib/i18n/navigation';
import { DeskNav } from './desk-nav';

/** The agency's side: the portal's visual language, marked as the desk so a case handler never mistakes it. */
export async function DeskShell({ userName, children }: { userName: string; children: ReactNode }) {
  const t = await getTranslations();
  return (
    <>
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2">
        {t('common.skipToContent')}
      </a>
      <header className="border-b border-slate-200 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-7xl items-center gap-4 px-4 py-2">
          <Link href="/desk" className="flex shrink-0 items-center gap-2 py-2 text-base font-semibold">
            {/* eslint-disable-next-line @next/next/no-img-element -- a 28 px SVG from public/ needs no image optimisation */}
            <img src="/logo.svg" alt="" width={28} height={28} />
            {t('desk.title')}
          </Link>
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
