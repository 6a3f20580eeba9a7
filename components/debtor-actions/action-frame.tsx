import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DebtorShell } from '@/components/debtors/debtor-shell';
import { DebtorSignOutButton } from '@/components/debtors/sign-out-button';
import { ClientMessages } from '@/components/layout/client-messages';
import { Link } from '@/lib/i18n/navigation';

/** One Min side action's page: back to the case, the title, the intro, then the form (client messages included). */
export async function ActionFrame({
  caseId,
  title,
  intro,
  children,
}: {
  caseId: string | null;
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  const t = await getTranslations('minSide');
  return (
    // Nested providers replace the page's messages: the shell's language link (a client component) needs its own.
    <ClientMessages paths={['debtorActions', 'validation', 'payments.errors', 'cases.errors', 'minSide.languageLink']}>
      <DebtorShell signOut={<DebtorSignOutButton />}>
        <p className="mb-4 text-sm">
          <Link href={caseId ? `/min-side/cases/${caseId}` : '/min-side'} className="text-brand-700 underline">
            {t('case.back')}
          </Link>
        </p>
        <div className="max-w-xl">
          <h1 className="mb-2 text-2xl font-semibold">{title}</h1>
          {intro ? <p className="mb-6 text-slate-700">{intro}</p> : null}
          {children}
        </div>
      </DebtorShell>
    </ClientMessages>
  );
}
