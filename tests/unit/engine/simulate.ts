import { allocatePayment } from '@/lib/allocation/allocate';
import { orderForStage } from '@/lib/allocation/order';
import { COLLECTION_RATE, DEFAULT_AGREEMENT, INTEREST_RATES, STANDARD_COMPENSATION, afterLetter, decide, interestUpTo, plusDays, type CaseSnapshot, type CollectionAgreement, type Decision, type Tables } from '@/lib/engine/rules';

// A case run in memory through the pure rules, the way the job runs it against the database: for the tests.

export const TABLES: Tables = { rates: INTEREST_RATES, collectionRate: COLLECTION_RATE, compensation: STANDARD_COMPENSATION };

export type Entry = { kind: 'principal' | 'interest' | 'fee' | 'payment' | 'credit_note'; amountOre: number; covers?: string };

export class SimCase {
  snapshot: CaseSnapshot;
  ledger: Entry[] = [];
  stage = 'reminder';
  decisions: Decision[] = [];
  constructor(principalOre: number, dueOn: string, extra: Partial<CaseSnapshot> = {}, readonly agreement: CollectionAgreement = DEFAULT_AGREEMENT) {
    this.ledger.push({ kind: 'principal', amountOre: principalOre });
    this.snapshot = {
      status: 'active', dueOn, businessDebtor: false, creditorVatRegistered: true, disputed: false, legalConfirmed: false, pausedDays: 0,
      letters: [], owed: { principal: principalOre, interest: 0, fee: 0 }, balanceOre: principalOre, interestBookedToOn: null,
      interestCarryUnits: 0n, compensationBooked: false, ...extra,
    };
  }

  balance() {
    return this.ledger.reduce((sum, entry) => sum + entry.amountOre, 0);
  }

  run(today: string): Decision {
    const decision = decide(this.snapshot, this.agreement, today, TABLES);
    this.decisions.push(decision);
    if (decision.kind !== 'letter') return decision;
    const plan = decision.plan;
    for (const posting of plan.postings) this.ledger.push({ kind: posting.component, amountOre: posting.amountOre });
    this.stage = plan.stage;
    this.snapshot = afterLetter(this.snapshot, plan);
    return decision;
  }

  /** A payment on `paidOn`: interest up to that day first (when the engine has started), then the stage's order. */
  pay(amountOre: number, paidOn: string) {
    this.bookInterestTo(paidOn);
    const split = allocatePayment(amountOre, this.snapshot.owed, orderForStage(this.stage as 'reminder', null));
    for (const covers of ['fee', 'interest', 'principal', 'credit'] as const) {
      if (split[covers] > 0) this.ledger.push({ kind: 'payment', amountOre: -split[covers], covers });
    }
    const owed = this.snapshot.owed;
    this.snapshot = {
      ...this.snapshot,
      owed: { principal: owed.principal - split.principal, interest: owed.interest - split.interest, fee: owed.fee - split.fee },
      balanceOre: this.snapshot.balanceOre - amountOre,
    };
    return split;
  }

  /** A credit note reduces the principal. */
  credit(amountOre: number, creditedOn: string) {
    this.bookInterestTo(creditedOn);
    const take = Math.min(amountOre, this.snapshot.owed.principal);
    this.ledger.push({ kind: 'credit_note', amountOre: -take });
    this.snapshot = { ...this.snapshot, owed: { ...this.snapshot.owed, principal: this.snapshot.owed.principal - take }, balanceOre: this.snapshot.balanceOre - take };
  }

  private bookInterestTo(onDate: string) {
    if (this.snapshot.interestBookedToOn === null) return;
    const accrual = interestUpTo(this.snapshot, onDate, TABLES.rates);
    if (accrual.interestOre > 0) this.ledger.push({ kind: 'interest', amountOre: accrual.interestOre });
    this.snapshot = {
      ...this.snapshot,
      owed: { ...this.snapshot.owed, interest: this.snapshot.owed.interest + accrual.interestOre },
      balanceOre: this.snapshot.balanceOre + accrual.interestOre,
      interestBookedToOn: accrual.bookedToOn,
      interestCarryUnits: accrual.carryUnits,
    };
  }

  /** Runs the engine once a day from `from` for `days` days. */
  runDays(from: string, days: number) {
    for (let day = 0; day < days; day += 1) this.run(plusDays(from, day));
  }
}
