import { z } from 'zod';
import type { Database } from '@/db/client';
import type { Tables } from '@/lib/engine/rules';
import { settleOnlinePayment, type SettleResult } from './mutations';
import { outcomeOfEvent, type PaymentProvider } from './provider';
import { verifyCallback, type SignedRequest } from './signature';

/** The part of the ePayment webhook body we use (the rest is ignored). */
const vippsEvent = z.object({
  reference: z.string().min(1).max(64),
  name: z.string().min(1).max(40),
  amount: z.object({ currency: z.literal('NOK'), value: z.number().int().nonnegative() }).optional(),
});

export type CallbackAnswer = { status: number; result: SettleResult | 'badSignature' | 'badBody' | 'notConfigured' };

/**
 * A Vipps MobilePay ePayment webhook: the signature and date are checked before the body is parsed; an
 * AUTHORIZED payment is captured before it is booked (a failed capture answers 502, so Vipps sends it again and
 * nothing was recorded); replays and the later CAPTURED event book nothing more.
 */
export async function handleVippsCallback(
  db: Database,
  request: SignedRequest,
  config: { secret: string | undefined; provider: PaymentProvider | null },
  now = new Date(),
  tables?: Tables,
): Promise<CallbackAnswer> {
  if (!config.secret || !config.provider) return { status: 404, result: 'notConfigured' };
  if (!verifyCallback(config.secret, request, now).ok) return { status: 401, result: 'badSignature' };
  let json: unknown;
  try {
    json = JSON.parse(request.body);
  } catch {
    return { status: 400, result: 'badBody' };
  }
  const parsed = vippsEvent.safeParse(json);
  if (!parsed.success) return { status: 400, result: 'badBody' };
  const { reference, name, amount } = parsed.data;
  const outcome = outcomeOfEvent(name);
  if (name === 'AUTHORIZED' && amount) {
    try {
      await config.provider.capture({ reference, amountOre: amount.value, idempotencyKey: `capture-${reference}` });
    } catch {
      return { status: 502, result: 'ignored' };
    }
  }
  const result = await settleOnlinePayment(
    db,
    { provider: 'vipps', reference, eventName: name, outcome, amountOre: amount?.value },
    now,
    tables,
  );
  return { status: result === 'unknownReference' ? 404 : result === 'amountMismatch' ? 409 : 200, result };
}
