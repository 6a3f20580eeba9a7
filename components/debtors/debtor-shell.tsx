import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { BrandLink, SkipLink } from '@/components/layout/shell-parts';
import { LocaleSwitch } from './locale-switch';

/** Min side's frame: the agency's logo, the language switch, and (signed in) a sign-out button. */
export async function DebtorShell({ signOut, children }: { signOut?: ReactNode; children: ReactNode }) {
  const t = await getTranslations('minSide');
  return (
    <>
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center gap-3 px-4 py-2">
          <BrandLink href="/min-side" className="text-brand-900">
            {t('appName')}
          </BrandLink>
          <div className="ml-auto flex items-center gap-4">
            <LocaleSwitch />
            {signOut}
          </div>
        </div>
      </header>
      <main id="content" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
