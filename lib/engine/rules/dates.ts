// The rules' calendar is the kernel's (lib/dates.ts); the names the rules use are kept here.
import { daysBetween } from '@/lib/dates';

export {
  addDays as plusDays,
  addMonths as plusMonths,
  dayNumber,
  daysBetween,
  halfYearEndDay,
  isLeapYear,
  isoFromDay,
  laterOf,
  yearOfDay,
} from '@/lib/dates';

/**
 * Days a case's deadlines have moved since its newest letter: the pauses that ended (stored) plus the one that
 * is still running on `today` (paused since `pausedOn`).
 */
export function pauseShiftDays(endedPauseDays: number, pausedOn: string | null, today: string): number {
  return endedPauseDays + (pausedOn ? Math.max(0, daysBetween(pausedOn, today)) : 0);
}
