import 'server-only';
import { and, eq, isNotNull } from 'drizzle-orm';
import { getTranslations } from 'next-intl/server';
import type { Database } from '@/db';
import { secondFactors } from '@/db/schema';
import { dispatchOutbox } from '@/lib/queue/kicks';
import type { Locale } from '@/lib/i18n/routing';
import { enqueueSms } from '@/lib/sms/outbox';
import { createSmsCode, maySendSmsCode } from './sms-codes';

/** Texts a sign-in code to the user's confirmed SMS number, at most once a minute and five times an hour. */
export async function sendSignInSms(db: Database, session: { userId: string; locale: Locale }, now: Date) {
  const t = await getTranslations({ locale: session.locale, namespace: 'security.sms' });
  const result = await db.transaction(async (tx) => {
    const [factor] = await tx
      .select({ phone: secondFactors.phone })
      .from(secondFactors)
      .where(and(eq(secondFactors.userId, session.userId), eq(secondFactors.method, 'sms'), isNotNull(secondFactors.confirmedAt)));
    if (!factor?.phone) return { ok: false as const, reason: 'noSecondFactor' as const };
    if (!(await maySendSmsCode(tx, session.userId, 'sign_in', now))) return { ok: false as const, reason: 'resendTooSoon' as const };
    const code = await createSmsCode(tx, session.userId, 'sign_in', factor.phone, now);
    const outboxId = await enqueueSms(tx, { recipient: factor.phone, locale: session.locale, template: 'sms_code', text: t('text', { code }) });
    return { ok: true as const, outboxId };
  });
  if (result.ok) await dispatchOutbox([result.outboxId]);
  return result;
}
