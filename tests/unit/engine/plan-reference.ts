// A reference for an instalment plan's cost, written from ../shared/spec/domain.md §2–§4 (not from lib/engine):
// simple daily interest on the principal (rate per half-year, 365 days in 2025), payments at the notice stage
// applied principal → fees → interest, the plan fee 1.5 × the inkassosats (700 kr in 2025) above four instalments.
// Slow and plain on purpose: one day at a time.

const DAY = 86_400_000;
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const addMonths = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};

/** Forsinkelsesrente in 2025 (domain.md §3): 12.50 % in the first half-year, 12.25 % in the second. */
const basisPointsOn = (day: string) => (day < '2025-07-01' ? 1250 : 1225);

export type ReferencePlan = {
  instalments: { dueOn: string; amountOre: number }[];
  planFeeOre: number;
  owedTodayOre: number;
  totalOre: number;
};

/** A case in 2025 with `principalOre` due on `dueOn` and fees already charged; a plan of `count` monthly instalments from `today`. */
export function referencePlan(input: {
  principalOre: number;
  dueOn: string;
  feesOre: number;
  today: string;
  count: number;
}): ReferencePlan {
  const planFeeOre = input.count > 4 ? (70_000 * 3) / 2 : 0;
  let principal = input.principalOre;
  let feesOwed = input.feesOre;
  let interestUnits = 0n; // øre × 10 000 × 365
  let interestPaid = 0;
  let day = input.dueOn;
  const interestOre = () => Number((interestUnits * 2n + 3_650_000n) / 7_300_000n); // half up, once
  const runTo = (until: string) => {
    while (day < until) {
      day = addDays(day, 1);
      interestUnits += BigInt(principal) * BigInt(basisPointsOn(day));
    }
  };
  const owed = () => principal + feesOwed + interestOre() - interestPaid;
  runTo(input.today);
  const owedTodayOre = owed();
  feesOwed += planFeeOre;
  const each = Math.ceil((owedTodayOre + planFeeOre) / input.count);
  const instalments: { dueOn: string; amountOre: number }[] = [];
  for (let n = 1; n <= input.count; n += 1) {
    const dueOn = addMonths(input.today, n);
    runTo(dueOn);
    const amount = n === input.count ? owed() : Math.min(each, owed());
    let left = amount;
    const toPrincipal = Math.min(left, principal);
    principal -= toPrincipal;
    left -= toPrincipal;
    const toFees = Math.min(left, feesOwed);
    feesOwed -= toFees;
    left -= toFees;
    interestPaid += left;
    instalments.push({ dueOn, amountOre: amount });
  }
  return { instalments, planFeeOre, owedTodayOre, totalOre: instalments.reduce((sum, i) => sum + i.amountOre, 0) };
}
