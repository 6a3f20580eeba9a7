/** The parts of a claim a payment can cover, plus the credit an overpayment leaves on the case. Pure: no db. */
export type ClaimComponent = 'principal' | 'interest' | 'fee';
export type PaymentComponent = ClaimComponent | 'credit';

export type Outstanding = Record<ClaimComponent, number>;
export type Split = Record<PaymentComponent, number>;
