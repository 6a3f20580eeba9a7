import 'server-only';
import { and, eq, gt, isNotNull, isNull, lt } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import type { Database } from '@/db';
import { secondFactors, smsCodes } from '@/db/schema';
import { dispatchOutbox } from '@/lib/queue/kicks';
import type { Locale } from '@/lib/i18n/routing';
import { enqueueSms } from '@/lib/sms/outbox';
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';
import { listSignInMethods } from './settings/queries';
import { recoveryCodeRequired } from './second-factor';
import { createSmsCode, maySendSmsCode, SMS_CODE_MAX_TRIES } from './sms-codes';

/** Texts a sign-in code to the user's confirmed SMS number, at most once a minute and five times an hour. */
export async function sendSignInSms(db: Database, session: { userId: string; locale: Locale }, now: Date) {
  // Not getTranslations: this also runs straight after the password step, outside a page's request scope.
  const t = createTranslator({ locale: session.locale, messages: session.locale === 'nb' ? nb : en, namespace: 'security.sms' });
  const result = await db.transaction(async (tx) => {
    const [factor] = await tx
      .select({ phone: secondFactors.phone })
      .from(secondFactors)
      .where(and(eq(secondFactors.userId, session.userId), eq(secondFactors.method, 'sms'), isNotNull(secondFactors.confirmedAt)));
    if (!factor?.phone) return { ok: false as const, reason: 'noSecondFactor' as const };
    if (!(await maySendSmsCode(tx, session.userId, 'sign_in', now))) return { ok: false as const, reason: 'resendTooSoon' as const };
    const code = await createSmsCode(tx, session.userId, 'sign_in', factor.phone, now);
    const outboxId = await enqueueSms(tx, {
      recipient: factor.phone,
      locale: session.locale,
      template: 'sms_code',
      text: t('text', { code }),
    });
    return { ok: true as const, outboxId };
  });
  if (result.ok) await dispatchOutbox([result.outboxId]);
  return result;
}

/** Which method the second step opens with: the preferred configured one, or a recovery code at the cap. */
export async function firstSignInMethod(db: Database, userId: string) {
  if (await recoveryCodeRequired(db, userId)) return 'recovery' as const;
  return (await listSignInMethods(db, userId)).methods[0] ?? 'recovery';
}

/** After the password step: texts the code right away when the second step opens with SMS. */
export async function sendSmsIfFirstMethod(db: Database, user: { userId: string; locale: Locale }, now: Date) {
  if ((await firstSignInMethod(db, user.userId)) !== 'sms') return null;
  return sendSignInSms(db, user, now);
}

/** Whether a sign-in code is on its way and still usable, so the page can say so truthfully. */
export async function hasOpenSignInSms(db: Database, userId: string, now: Date = new Date()) {
  const [open] = await db
    .select({ id: smsCodes.id })
    .from(smsCodes)
    .where(
      and(
        eq(smsCodes.userId, userId),
        eq(smsCodes.purpose, 'sign_in'),
        isNull(smsCodes.consumedAt),
        gt(smsCodes.expiresAt, now),
        lt(smsCodes.attempts, SMS_CODE_MAX_TRIES),
      ),
    )
    .limit(1);
  return Boolean(open);
}
