import { DeskShell } from '@/components/desk/desk-shell';
import { RateWarning } from '@/components/desk/rate-warning';
import { requireStaff } from '@/lib/auth/gate';
import { todayInOslo } from '@/lib/dates';
import { rateWarnings } from '@/lib/desk/rates/queries';
import { enterLocale } from '@/lib/i18n/page-locale';

/**
 * The case handlers' desk: agency staff only; a creditor gets the same 404 as for a page that does not exist. Every
 * desk page warns while a half-year's rate is missing.
 */
export default async function DeskLayout({ children, params }: LayoutProps<'/[locale]/desk'>) {
  await enterLocale(params);
  const staff = await requireStaff();
  const missing = await rateWarnings(todayInOslo());
  return (
    <DeskShell userName={staff.name}>
      <RateWarning missing={missing} />
      {children}
    </DeskShell>
  );
}
