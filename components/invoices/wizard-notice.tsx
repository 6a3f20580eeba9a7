import type { ReactNode } from 'react';

/** A boxed message on the wizard page (needs beta, not allowed, registered, failed). */
export function WizardNotice({
  title,
  tone = 'info',
  children,
}: {
  title?: string;
  tone?: 'info' | 'success' | 'error';
  children: ReactNode;
}) {
  const colour =
    tone === 'error' ? 'border-red-300 bg-red-50' : tone === 'success' ? 'border-green-300 bg-green-50' : 'border-slate-200 bg-slate-50';
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={`mb-6 grid max-w-2xl gap-2 rounded-lg border px-4 py-3 text-sm text-slate-900 ${colour}`}
    >
      {title ? <h2 className="text-base font-semibold">{title}</h2> : null}
      {children}
    </div>
  );
}
