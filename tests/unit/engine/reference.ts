// A reference for the fee rules, written from ../shared/spec/domain.md §1–§2 (not from lib/engine): for a case's
// letters and its principal-reducing payments, the most each fee kind may come to on a day. Slow and plain on purpose.

type Letter = {
  kind: 'reminder' | 'notice' | 'demand' | 'legal_notice' | 'surveillance_notice';
  sentOn: string;
  deadlineOn: string | null;
};
type Reduction = { valueOn: string; amountOre: number };

export type ReferenceCase = {
  dueOn: string;
  principalOre: number;
  business: boolean;
  compensationAgreed: boolean;
  vatRegistered: boolean;
  letters: Letter[];
  /** Credit notes and the creditor's own payments: they reduce the principal from their value date. */
  reductions: Reduction[];
  /** Figures assumed for half-years without a published one (the demo's, e.g. { '2025-H2': 46_000 }), in øre. */
  assumedCompensation?: Record<string, number>;
};

const DAY = 86_400_000;
const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY;
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** Inkassosats: 700 kr until 2025, 750 kr from 1 Jan 2026 (domain.md §2). */
function satsOre(on: string): number {
  return on >= '2026-01-01' ? 75_000 : 70_000;
}

/** Standardkompensasjon of the half-year (domain.md §2's published figures), or null when none is published. */
function compensationOre(on: string, assumed: Record<string, number> = {}): number | null {
  const half = `${on.slice(0, 4)}-${on.slice(5, 7) <= '06' ? 'H1' : 'H2'}`;
  const table: Record<string, number> = {
    '2020-H2': 430,
    '2022-H1': 390,
    '2022-H2': 400,
    '2023-H1': 410,
    '2023-H2': 460,
    '2024-H1': 470,
    '2025-H1': 470,
    '2026-H1': 460,
  };
  return half in table ? table[half]! * 100 : (assumed[half] ?? null);
}

/** The salær maximum: the light scale at 700 kr (175 … 5 040) scaled with the sats, × 2 heavy, × 1.5 business, × 1.25 without VAT, down to the øre. */
function salaerMaxOre(principalOre: number, on: string, heavy: boolean, business: boolean, vatRegistered: boolean): number {
  const kroner = principalOre / 100;
  const at700 =
    kroner <= 500
      ? 175
      : kroner <= 1_000
        ? 245
        : kroner <= 2_500
          ? 280
          : kroner <= 10_000
            ? 560
            : kroner <= 50_000
              ? 1_120
              : kroner <= 250_000
                ? 2_520
                : 5_040;
  // In øre × 700 × 8 (× 2 × 3/2 × 5/4 stay whole): exact, then down.
  let scaled = at700 * 100 * satsOre(on) * (heavy ? 2 : 1) * 8;
  if (business) scaled = (scaled * 3) / 2;
  if (!vatRegistered) scaled = (scaled * 5) / 4;
  return Math.floor(scaled / (70_000 * 8));
}

function principalBefore(c: ReferenceCase, day: string): number {
  return c.principalOre - c.reductions.filter((r) => r.valueOn < day).reduce((sum, r) => sum + r.amountOre, 0);
}

export type ReferenceFees = { reminderFees: number; compensation: number; salaer: number; salaerAllowed: boolean; heavyAllowed: boolean };

/** The most the law allows in each group of fees on `day`. */
export function referenceFees(c: ReferenceCase, day: string): ReferenceFees {
  const letters = c.letters.filter((letter) => letter.sentOn <= day);
  let reminderFees = 0;
  let compensation = 0;
  const feeLetters: Letter[] = [];
  for (const letter of letters.filter((l) => l.kind === 'reminder' || l.kind === 'notice')) {
    if (days(c.dueOn, letter.sentOn) < 14 || principalBefore(c, letter.sentOn) <= 0) continue;
    if (c.business && c.compensationAgreed) {
      if (compensation === 0) compensation = Math.max(0, (compensationOre(letter.sentOn, c.assumedCompensation) ?? 0) - reminderFees);
      continue;
    }
    if (feeLetters.length >= 2) continue;
    const first = feeLetters[0];
    if (first && !(first.deadlineOn && days(first.sentOn, first.deadlineOn) >= 14 && letter.sentOn > first.deadlineOn)) continue;
    feeLetters.push(letter);
    reminderFees += Math.floor(satsOre(letter.sentOn) / 20);
  }
  const demand = letters.find((l) => l.kind === 'demand');
  const salaerAllowed = Boolean(demand && principalBefore(c, demand.sentOn) > 0);
  let salaer = salaerAllowed ? salaerMaxOre(principalBefore(c, demand!.sentOn), demand!.sentOn, false, c.business, c.vatRegistered) : 0;
  const heavyOn = demand?.deadlineOn ? addDays(demand.deadlineOn, 29) : null;
  const heavyAllowed = Boolean(salaerAllowed && heavyOn && heavyOn <= day && principalBefore(c, heavyOn) > 0);
  if (heavyAllowed) salaer = Math.max(salaer, salaerMaxOre(principalBefore(c, heavyOn!), heavyOn!, true, c.business, c.vatRegistered));
  // What was claimed as standardkompensasjon comes off the salær.
  return { reminderFees, compensation, salaer: Math.max(0, salaer - compensation), salaerAllowed, heavyAllowed };
}
