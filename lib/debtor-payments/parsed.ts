/** One debtor payment as read from the desk form or a bank file, before it is matched. Pure: no db. */
export type IncomingPayment = { paidOn: string; kid: string; amountOre: number; payer: string; bankReference: string };
