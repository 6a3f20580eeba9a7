import { DeskShell } from '@/components/desk/desk-shell';
import { requireStaff } from '@/lib/auth/gate';
import { enterLocale } from '@/lib/i18n/page-locale';

/** The case handlers' desk: agency staff only; a creditor gets the same 404 as for a page that does not exist. */
export default async function DeskLayout({ children, params }: LayoutProps<'/[locale]/desk'>) {
  await enterLocale(params);
  const staff = await requireStaff();
  return <DeskShell userName={staff.name}>{children}</DeskShell>;
}
