import type { Executor } from '@/db/client';
import type { DebtorNoticeEmail } from '@/lib/email/debtor-notice';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/routing';
import { consentsInForce } from './in-force';
import { consentAddress, enqueueDebtorNotice } from './notice';

/** Where the answer waits in Min side: the objection page, or the case's messages. */
export type AnsweredPage = 'object' | 'messages';

/**
 * "Du har fått svar i Min side" and the link, by email or SMS as the debtor's consent to electronic contact says,
 * through the outbox in the caller's transaction. Nothing else of the case goes out. Without a consent in force no
 * notice: the debtor sees the answer when they sign in. Returns the outbox ids to dispatch after the commit.
 */
export async function noticeDebtorOfAnswer(
  tx: Executor,
  scope: { companyId: string; caseId: string },
  page: AnsweredPage,
): Promise<string[]> {
  const consent = (await consentsInForce(tx, [scope.caseId])).get(scope.caseId);
  if (!consent) return [];
  const locale: Locale = consent.locale === 'en' ? 'en' : 'nb';
  const notice: DebtorNoticeEmail = {
    template: 'debtor_notice',
    kind: 'answerAvailable',
    minSideUrl: new URL(`/${locale}/min-side/cases/${scope.caseId}/${page}`, env().PORTAL_URL).toString(),
  };
  const id = await enqueueDebtorNotice(tx, consentAddress(consent), {
    companyId: scope.companyId,
    locale,
    notice,
    data: { caseId: scope.caseId },
  });
  return id ? [id] : [];
}
