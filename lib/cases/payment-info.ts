import { formatAccountNumber, isValidKid } from '@/lib/norwegian-ids';
import { addDays } from '@/lib/dates';
import { acceptsPayments, type CaseStatus } from './status-rules';

/** Days the debtor is given when the newest letter's deadline has passed: the same 14 days a letter gives. */
export const FRESH_DEADLINE_DAYS = 14;

export type PaymentInfo = { accountNumber: string; kid: string; isKidValid: boolean; amountOre: number; dueOn: string };

type Source = {
  status: CaseStatus;
  kid: string;
  outstandingOre: number;
  latestLetterDueOn: string | null;
  /** Days the case was paused since the newest letter: the engine moves its deadline by as much. */
  pausedDaysSinceLetter: number;
};

/**
 * What to tell a debtor who asks how to pay (Oversikt → Betalingsinformasjon): the agency's account, the case's
 * KID and the outstanding amount, due by the newest letter's due date (moved by the pauses since the letter, as
 * the engine moves it) while that is still ahead, otherwise 14 days from today. Nothing to pay (null) on a
 * withdrawn or closed case or when nothing is outstanding.
 */
export function paymentInfoFor(source: Source, agencyAccountNumber: string, today: string): PaymentInfo | null {
  if (!acceptsPayments(source.status) || source.outstandingOre <= 0) return null;
  const letterDue = source.latestLetterDueOn && addDays(source.latestLetterDueOn, source.pausedDaysSinceLetter);
  return {
    accountNumber: formatAccountNumber(agencyAccountNumber),
    kid: source.kid,
    isKidValid: isValidKid(source.kid),
    amountOre: source.outstandingOre,
    dueOn: letterDue && letterDue >= today ? letterDue : addDays(today, FRESH_DEADLINE_DAYS),
  };
}
