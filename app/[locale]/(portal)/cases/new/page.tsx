import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { CustomerForm } from '@/components/invoices/customer-form';
import { InvoiceForm } from '@/components/invoices/invoice-form';
import { InvoiceUploadForm } from '@/components/invoices/invoice-upload-form';
import { WizardNotice } from '@/components/invoices/wizard-notice';
import { WizardSteps } from '@/components/invoices/wizard-steps';
import { PageHeader } from '@/components/layout/page-header';
import { PortalLink } from '@/components/case-list/portal-link';
import { requireCompanies, requireRole, requireSignedIn } from '@/lib/auth/gate';
import { enterLocale } from '@/lib/i18n/page-locale';
import { getBetaEnabled, getMyDraft, listInvoiceCompanies } from '@/lib/invoices/queries';
import { customerValues, getCaseNumber, invoiceValues } from '@/lib/invoices/view';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('invoices.wizard'))('title') };
}

const LINK = 'text-sm font-medium text-brand-700 underline';

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Saker → + Ny faktura (beta). Without a draft: step 1 for a new customer. With `?draft=` (the user's own):
 * step 1 again (`&step=customer`), step 2, the confirmation once submitted, or the job's refusal to correct.
 */
export default async function NewInvoicePage(props: PageProps<'/[locale]/cases/new'>) {
  return (
    <ClientMessages
      paths={['cases.errors', 'invoices', 'payments.errors', 'reports.columns', 'reports.pdf', 'users.errors', 'users.roles']}
    >
      {await newInvoicePageContent(props)}
    </ClientMessages>
  );
}

async function newInvoicePageContent({ params, searchParams }: PageProps<'/[locale]/cases/new'>) {
  const locale = await enterLocale(params);
  const query = await searchParams;
  const user = await requireSignedIn();
  const t = await getTranslations('invoices');
  const header = <PageHeader title={t('wizard.title')} />;

  if (!(await getBetaEnabled(user.userId))) {
    return (
      <>
        {header}
        <WizardNotice>
          <p>{t('wizard.needsBeta')}</p>
          <PortalLink href="/settings/beta" locale={locale} className={LINK}>
            {t('wizard.needsBetaLink')}
          </PortalLink>
        </WizardNotice>
      </>
    );
  }

  const draftParam = one(query.draft);
  if (draftParam !== undefined) {
    if (!z.uuid().safeParse(draftParam).success) notFound();
    const draft = await getMyDraft(user.userId, draftParam);
    if (!draft) notFound();
    const actor = await requireRole(draft.companyId, 'write');

    if (draft.status === 'submitted' || draft.status === 'registered') {
      const caseNumber = draft.caseId ? await getCaseNumber(actor.companyId, draft.caseId) : null;
      return (
        <>
          {header}
          <WizardNotice title={t('wizard.registeredTitle')} tone="success">
            <p>{caseNumber ? t('wizard.doneBody', { caseNumber: String(caseNumber) }) : t('wizard.registeredBody')}</p>
            <div className="flex flex-wrap gap-4">
              {draft.caseId ? (
                <PortalLink href={`/cases/${draft.caseId}`} locale={locale} className={LINK}>
                  {t('wizard.openCase')}
                </PortalLink>
              ) : null}
              <PortalLink href="/cases" locale={locale} className={LINK}>
                {t('wizard.toCases')}
              </PortalLink>
              <PortalLink href="/cases/new" locale={locale} className={LINK}>
                {t('wizard.another')}
              </PortalLink>
            </div>
          </WizardNotice>
        </>
      );
    }

    const scope = await requireCompanies('write');
    const companies = (await listInvoiceCompanies(scope.companyIds)).filter((company) => !company.autocollectEnabled);
    if (one(query.step) === 'customer') {
      return (
        <>
          {header}
          <WizardSteps current={1} />
          <CustomerForm
            locale={locale}
            companies={companies}
            draftId={draft.id}
            initial={customerValues(draft.customer, draft.companyId)}
          />
        </>
      );
    }
    const reason =
      draft.failureKey && t.has(draft.failureKey.replace(/^invoices\./, '') as never)
        ? t(draft.failureKey.replace(/^invoices\./, '') as never, (draft.failureData ?? {}) as never)
        : null;
    return (
      <>
        {header}
        <WizardSteps current={2} />
        {draft.status === 'failed' ? (
          <WizardNotice title={t('wizard.failedTitle')} tone="error">
            {reason ? <p>{reason}</p> : null}
            <p>{t('wizard.failedBody')}</p>
          </WizardNotice>
        ) : null}
        <p className="mb-4 text-sm text-slate-700">
          {t('wizard.customerSummary', { name: draft.customer.name, customerNumber: draft.customer.customerNumber })}
        </p>
        <InvoiceUploadForm locale={locale} draftId={draft.id} attachmentName={draft.attachmentName} outcome={one(query.upload)} />
        <InvoiceForm locale={locale} draftId={draft.id} initial={invoiceValues(draft.invoice, locale)} />
      </>
    );
  }

  const scope = await requireCompanies('write');
  if (scope.companyIds.length === 0) {
    return (
      <>
        {header}
        <WizardNotice>
          <p>{t('wizard.notAllowed')}</p>
        </WizardNotice>
      </>
    );
  }
  const companies = (await listInvoiceCompanies(scope.companyIds)).filter((company) => !company.autocollectEnabled);
  if (companies.length === 0) {
    return (
      <>
        {header}
        <WizardNotice>
          <p>{t('autocollectDisabled')}</p>
        </WizardNotice>
      </>
    );
  }
  const chosen = companies.find((company) => company.id === one(query.company))?.id ?? (companies.length === 1 ? companies[0]?.id : '');
  return (
    <>
      {header}
      <WizardSteps current={1} />
      <CustomerForm
        locale={locale}
        companies={companies}
        draftId={null}
        initial={{ companyId: chosen ?? '', countryCode: 'NO', kind: 'person' }}
      />
    </>
  );
}
