'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { idleState } from '@/lib/form-state';
import { updateBetaAction } from '@/lib/invoices/actions';
import { useInvoiceMessages } from './use-invoice-messages';

/** Innstillinger → Betaprogram: one switch per beta feature, saved on the user with Lagre (works without JS). */
export function BetaForm({ enabled }: { enabled: boolean }) {
  const t = useTranslations('invoices.beta');
  const [state, formAction, pending] = useActionState(updateBetaAction, idleState);
  const msg = useInvoiceMessages(state);
  const checked = state.status === 'success' ? state.message === 'invoices.beta.savedOn' : enabled;
  return (
    <form action={formAction} className="grid max-w-xl gap-4">
      <div className="flex items-start gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <input
          id="beta-manual-invoice"
          type="checkbox"
          role="switch"
          name="manualInvoice"
          defaultChecked={checked}
          key={String(checked)}
          aria-describedby="beta-manual-invoice-hint"
          className="mt-1 h-5 w-5 accent-brand-700"
        />
        <div>
          <label htmlFor="beta-manual-invoice" className="font-medium text-slate-900">
            {t('manualInvoice')}
          </label>
          <p id="beta-manual-invoice-hint" className="text-sm text-slate-600">
            {t('manualInvoiceHint')}
          </p>
        </div>
      </div>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" disabled={pending}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
