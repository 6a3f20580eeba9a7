import { getTranslations } from 'next-intl/server';
import { PortalLink } from '@/components/case-list/portal-link';
import { requireCompanies, requireSignedIn } from '@/lib/auth/gate';
import type { Locale } from '@/lib/i18n/routing';
import { getBetaEnabled, listInvoiceCompanies } from '@/lib/invoices/queries';

/**
 * Saker → + Ny faktura: only in the beta programme, for Skrive and Administrator. When every such company is
 * on AutoCollect, the button shows disabled with the help text's reason (the server refuses anyway).
 */
export async function NewInvoiceButton({ locale }: { locale: Locale }) {
  const user = await requireSignedIn();
  if (!(await getBetaEnabled(user.userId))) return null;
  const scope = await requireCompanies('write');
  const companies = await listInvoiceCompanies(scope.companyIds);
  if (companies.length === 0) return null;
  const t = await getTranslations('invoices');
  if (companies.every((company) => company.autocollectEnabled)) {
    return (
      <div className="grid max-w-xs gap-1">
        <button
          type="button"
          disabled
          aria-describedby="new-invoice-autocollect"
          className="cursor-not-allowed rounded-md bg-slate-300 px-4 py-2 text-sm font-medium text-slate-700"
        >
          {t('newInvoice')}
        </button>
        <p id="new-invoice-autocollect" className="text-xs text-slate-600">
          {t('autocollectDisabled')}
        </p>
      </div>
    );
  }
  return (
    <PortalLink
      href="/cases/new"
      locale={locale}
      className="inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900"
    >
      {t('newInvoice')}
    </PortalLink>
  );
}
