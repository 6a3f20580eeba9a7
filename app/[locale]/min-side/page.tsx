import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { DebtorCaseList } from '@/components/debtors/debtor-case-list';
import { ClientMessages } from '@/components/layout/client-messages';
import { DebtorShell } from '@/components/debtors/debtor-shell';
import { DebtorSignOutButton } from '@/components/debtors/sign-out-button';
import { requireDebtor } from '@/lib/auth/gate';
import { listDebtorCases } from '@/lib/debtors/queries';
import { enterLocale } from '@/lib/i18n/page-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('minSide'))('metaTitle') };
}

/** Min side's home: every case the signed-in debtor may see (a letter-code session goes straight to its case). */
export default async function MinSidePage({ params }: PageProps<'/[locale]/min-side'>) {
  const locale = await enterLocale(params);
  const actor = await requireDebtor();
  if (actor.kind === 'letterCode') redirect(`/${locale}/min-side/cases/${actor.caseId}`);
  const t = await getTranslations('minSide');
  const rows = await listDebtorCases(actor);
  return (
    <ClientMessages paths={['minSide']}>
      <DebtorShell signOut={<DebtorSignOutButton />}>
        <h1 className="mb-1 text-2xl font-semibold">{t('list.title')}</h1>
        {actor.name ? <p className="mb-6 text-sm text-slate-600">{t('list.signedInAs', { name: actor.name })}</p> : null}
        <DebtorCaseList rows={rows} locale={locale} />
      </DebtorShell>
    </ClientMessages>
  );
}
