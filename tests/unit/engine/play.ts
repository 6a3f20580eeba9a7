import {
  COLLECTION_RATE,
  DEFAULT_AGREEMENT,
  EMPTY_BOOKED,
  INTEREST_RATES,
  STANDARD_COMPENSATION,
  afterPlan,
  decide,
  plusDays,
  reconcilePlan,
  type CaseSnapshot,
  type ClaimPayment,
  type CollectionAgreement,
  type Decision,
  type ReconcilePosting,
  type Tables,
} from '@/lib/engine/rules';

// A case played through the production rules in memory (decide → claimOn → reconcile), with the ledger rows the
// job would post: no re-implementation of any rule here, only the bookkeeping the database does.

export const TABLES: Tables = { rates: INTEREST_RATES, collectionRate: COLLECTION_RATE, compensation: STANDARD_COMPENSATION };

export type Row = ReconcilePosting & { bookedOn: string };

export class PlayedCase {
  snapshot: CaseSnapshot;
  rows: Row[] = [];
  decisions: Decision[] = [];
  private nextId = 1;

  constructor(
    readonly principalOre: number,
    dueOn: string,
    extra: Partial<CaseSnapshot> = {},
    readonly agreement: CollectionAgreement = DEFAULT_AGREEMENT,
    readonly tables: Tables = TABLES,
  ) {
    this.snapshot = {
      status: 'active',
      dueOn,
      businessDebtor: false,
      creditorVatRegistered: true,
      disputed: false,
      legalConfirmed: false,
      pausedDays: 0,
      letters: [],
      principalOre,
      payments: [],
      booked: EMPTY_BOOKED,
      balanceOre: principalOre,
      reconciledOn: null,
      ...extra,
    };
  }

  /** The ledger's sum, as cases.balance_ore keeps it (payments of the creditor are one row each). */
  balance(): number {
    return this.principalOre + this.rows.reduce((sum, row) => sum + row.amountOre, 0) - this.directTotal();
  }

  private directTotal(): number {
    return this.snapshot.payments.filter((payment) => payment.source !== 'debtor').reduce((sum, payment) => sum + payment.amountOre, 0);
  }

  /** The engine's morning run on `today`. */
  run(today: string): Decision {
    const decision = decide(this.snapshot, this.agreement, today, this.tables);
    this.decisions.push(decision);
    if (decision.kind === 'letter' || decision.kind === 'reconcile') {
      this.rows.push(...decision.plan.postings.map((posting) => ({ ...posting, bookedOn: today })));
      this.snapshot = afterPlan(this.snapshot, decision.plan);
    }
    return decision;
  }

  runDays(from: string, days: number) {
    for (let i = 0; i < days; i += 1) this.run(plusDays(from, i));
  }

  /** A payment (or credit note) registered on `registeredOn`, dated `valueOn`, through the payment paths' reconcile. */
  pay(amountOre: number, valueOn: string, registeredOn = valueOn, source: ClaimPayment['source'] = 'debtor') {
    const payment: ClaimPayment = { id: `p${this.nextId++}`, source, valueOn, amountOre };
    this.snapshot = {
      ...this.snapshot,
      payments: [...this.snapshot.payments, payment],
      balanceOre: this.snapshot.balanceOre - (source === 'debtor' ? 0 : amountOre),
    };
    if (!this.snapshot.reconciledOn) return payment;
    const day = registeredOn > this.snapshot.reconciledOn ? registeredOn : this.snapshot.reconciledOn;
    const plan = reconcilePlan(this.snapshot, this.agreement, day < valueOn ? valueOn : day, this.tables, { paymentId: payment.id });
    this.rows.push(...plan.postings.map((posting) => ({ ...posting, bookedOn: plan.claim.day })));
    this.snapshot = afterPlan(this.snapshot, plan);
    return payment;
  }

  feeRows(kind?: string): number[] {
    return this.rows.filter((row) => row.kind === 'fee' && (!kind || row.feeKind === kind)).map((row) => row.amountOre);
  }

  sum(kind: Row['kind']): number {
    return this.rows.filter((row) => row.kind === kind).reduce((sum, row) => sum + row.amountOre, 0);
  }
}
