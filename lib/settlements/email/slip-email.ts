import type { Tx } from '@/db/client';
import { enqueueEmail } from '@/lib/email/outbox';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/routing';

type SettlingCompany = { id: string; name: string; settlementEmail: string | null; settlementEmailLocale: Locale };
type NewSlip = { id: string; slipNumber: string; settledOn: string; netOre: number; caseCount: number };

/**
 * Queues the slip's email to the company's settlement-report address, in that address's language, with the PDF as
 * an attachment reference (rendered when sent). No address, no email. Returns the outbox id.
 */
export async function enqueueSlipEmail(tx: Tx, company: SettlingCompany, slip: NewSlip): Promise<string | null> {
  if (!company.settlementEmail) return null;
  const base = `${env().PORTAL_URL.replace(/\/$/, '')}/${company.settlementEmailLocale}`;
  return enqueueEmail(tx, {
    companyId: company.id,
    recipient: company.settlementEmail,
    locale: company.settlementEmailLocale,
    email: {
      template: 'settlement_report',
      companyName: company.name,
      slipNumber: slip.slipNumber,
      settledOn: slip.settledOn,
      netOre: slip.netOre,
      caseCount: slip.caseCount,
      reportsUrl: `${base}/reports/${slip.id}`,
      settingsUrl: `${base}/settings/company/settlement?company=${company.id}`,
    },
    data: { slipId: slip.id },
    attachments: [{ kind: 'remittanceSlip', slipId: slip.id }],
  });
}
