import { sendInvoiceRegistration } from '@/lib/jobs/invoice-registration';
import { getRunningQueue } from '@/lib/jobs/running';

/** After the commit: asks the running worker to register the draft now; if that fails, the sweep finds it. */
export async function queueInvoiceRegistration(draftId: string) {
  const running = getRunningQueue();
  if (!running) return;
  try {
    await sendInvoiceRegistration(running.boss, draftId);
  } catch (error) {
    console.error('[invoices] could not queue registration; the sweep will retry', error);
  }
}
