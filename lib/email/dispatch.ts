import { queueOutboxDelivery } from '@/lib/jobs/email-delivery';
import { getRunningQueue } from '@/lib/jobs/running';
import { queueSmsDelivery } from '@/lib/jobs/sms-delivery';

/**
 * After the commit: asks the running worker to deliver these outbox emails now. Best effort by design:
 * if this process dies first, the sweep job finds the pending rows; without a sender nothing is queued.
 */
export async function dispatchOutbox(outboxIds: string[]) {
  const running = getRunningQueue();
  if (!running || outboxIds.length === 0) return;
  try {
    // Each delivery job skips rows of the other channel.
    if (running.emailDelivery) await queueOutboxDelivery(running.boss, outboxIds);
    if (running.smsDelivery) await queueSmsDelivery(running.boss, outboxIds);
  } catch (error) {
    console.error('[email] could not queue delivery; the sweep will retry', error);
  }
}
