import type { Tx } from '@/db';
import { letterDeliveries } from '@/db/schema';
import type { DebtorNoticeEmail } from '@/lib/email/debtor-notice';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/routing';
import { consentsInForce } from '@/lib/letter-consents/in-force';
import { consentAddress, enqueueDebtorNotice } from '@/lib/letter-consents/notice';

/** How a letter reached the debtor: in Min side (with a notice) under a consent in force, else on paper. */
export const DELIVERY_CHANNELS = { minSide: 'min_side', paper: 'paper' } as const;

type SentLetter = { id: string; caseId: string; companyId: string };

/**
 * Delivers the run's new letters: a debtor with a consent in force (by the identity number or organisation number
 * on the case, or a letter-code consent for that very case) gets the letter in Min side and a "new letter" notice
 * through the outbox, in the engine's transaction; everyone else gets it by post (the demo marks it posted).
 */
export async function deliverLetters(tx: Tx, sent: SentLetter[]): Promise<number> {
  if (sent.length === 0) return 0;
  const consentOf = await consentsInForce(tx, [...new Set(sent.map((letter) => letter.caseId))]);
  await tx
    .insert(letterDeliveries)
    .values(
      sent.map((letter) => {
        const consent = consentOf.get(letter.caseId);
        return {
          companyId: letter.companyId,
          letterId: letter.id,
          channel: consent ? DELIVERY_CHANNELS.minSide : DELIVERY_CHANNELS.paper,
          consentId: consent?.consentId ?? null,
        };
      }),
    )
    .onConflictDoNothing({ target: letterDeliveries.letterId });
  for (const letter of sent) {
    const consent = consentOf.get(letter.caseId);
    if (!consent) continue;
    const locale: Locale = consent.locale === 'en' ? 'en' : 'nb';
    const notice: DebtorNoticeEmail = {
      template: 'debtor_notice',
      kind: 'letterAvailable',
      caseNumber: consent.caseNumber,
      creditorName: consent.creditor,
      minSideUrl: new URL(`/${locale}/min-side/cases/${letter.caseId}`, env().PORTAL_URL).toString(),
    };
    await enqueueDebtorNotice(tx, consentAddress(consent), {
      companyId: letter.companyId,
      locale,
      notice,
      data: { caseId: letter.caseId, letterId: letter.id },
    });
  }
  return consentOf.size;
}
