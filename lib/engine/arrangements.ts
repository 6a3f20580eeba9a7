import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { cases, companies, debtors, paymentArrangements, planInstalments } from '@/db/schema';
import { env } from '@/lib/env';
import { recordEvents } from '@/lib/events/record';
import type { CaseEvent } from '@/lib/events/types';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { consentsInForce, type CaseConsent } from '@/lib/letter-consents/in-force';
import { enqueueDebtorNotice } from '@/lib/letter-consents/notice';
import type { ArrangementChange } from './rules';
import type { LoadedCase } from './snapshot';

export type ArrangementItem = { loaded: LoadedCase; step: ArrangementChange };

/**
 * Writes what the engine decided about running arrangements: a missed instalment's notice (stamped on the
 * instalment, so it goes once; by email, else SMS, to the debtor; in the history), or the end of the arrangement
 * (kept, broken or run out), after which the collection path resumes on the next run.
 */
export async function writeArrangementChanges(tx: Tx, items: ArrangementItem[], today: string, now: Date): Promise<number> {
  if (items.length === 0) return 0;
  const events: { actor: { userId: null; companyId: string }; event: CaseEvent; occurredAt: Date }[] = [];
  const notices = items.filter((item) => item.step.change === 'notice');
  const contacts = notices.length
    ? await tx
        .select({ caseId: cases.id, caseNumber: cases.caseNumber, email: debtors.email, phone: debtors.phone, creditor: companies.name })
        .from(cases)
        .innerJoin(debtors, eq(debtors.id, cases.debtorId))
        .innerJoin(companies, eq(companies.id, cases.companyId))
        .where(
          inArray(
            cases.id,
            notices.map((item) => item.loaded.id),
          ),
        )
    : [];
  // The notice speaks the language the debtor chose with their consent to electronic contact; without one, nb.
  const consents = notices.length
    ? await consentsInForce(
        tx,
        contacts.map((row) => row.caseId),
      )
    : new Map<string, CaseConsent>();
  for (const { loaded, step } of items) {
    const actor = { userId: null, companyId: loaded.companyId };
    if (step.change === 'notice') {
      const { instalment, deadlineOn } = step;
      await tx
        .update(planInstalments)
        .set({ noticeSentOn: today })
        .where(and(eq(planInstalments.arrangementId, step.arrangementId), eq(planInstalments.number, instalment.number)));
      events.push({
        actor,
        event: {
          type: 'arrangement.instalment_missed',
          caseId: loaded.id,
          data: { number: instalment.number, amountOre: instalment.amountOre, dueOn: instalment.dueOn, deadlineOn },
        },
        occurredAt: now,
      });
      const contact = contacts.find((row) => row.caseId === loaded.id);
      if (contact) {
        const locale: Locale = consents.get(loaded.id)?.locale === 'en' ? 'en' : 'nb';
        const notice = {
          template: 'debtor_notice' as const,
          kind: 'instalmentMissed' as const,
          caseNumber: contact.caseNumber,
          creditorName: contact.creditor,
          amountOre: instalment.amountOre,
          dueOn: formatDate(instalment.dueOn, locale),
          deadlineOn: formatDate(deadlineOn, locale),
          minSideUrl: new URL(`/${locale}/min-side`, env().PORTAL_URL).toString(),
        };
        await enqueueDebtorNotice(tx, contact, { companyId: loaded.companyId, locale, notice, data: { caseId: loaded.id } });
      }
      continue;
    }
    const [ended] = await tx
      .update(paymentArrangements)
      .set({ status: step.change === 'completed' ? 'completed' : 'broken', endedAt: now })
      .where(and(eq(paymentArrangements.id, step.arrangementId), eq(paymentArrangements.status, 'active')))
      .returning({ kind: paymentArrangements.kind });
    if (ended)
      events.push({
        actor,
        event: { type: 'arrangement.ended', caseId: loaded.id, data: { kind: ended.kind, outcome: step.change } },
        occurredAt: now,
      });
  }
  await recordEvents(tx, events);
  return events.length;
}
