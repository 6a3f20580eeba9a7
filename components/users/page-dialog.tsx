'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Link, useRouter } from '@/lib/i18n/navigation';

type Props = { title: string; closeHref: string; closeLabel: string; children: ReactNode };

/**
 * A dialog the server renders open (so it works without JavaScript, as its own URL); with JavaScript it
 * becomes modal (focus kept inside, Escape closes by going back to `closeHref`).
 */
export function PageDialog({ title, closeHref, closeLabel, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.matches(':modal')) return;
    dialog.close();
    dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      open
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        router.push(closeHref);
      }}
      className="relative z-30 mx-auto my-6 w-[calc(100%-1rem)] max-w-xl rounded-lg border border-slate-200 bg-white p-4 text-slate-900 sm:p-6 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="mb-4 flex items-start justify-between gap-4">
        <h2 id={titleId} className="text-xl font-semibold">
          {title}
        </h2>
        <Link href={closeHref} aria-label={closeLabel} className="rounded px-2 text-2xl leading-none text-slate-600 hover:bg-slate-100">
          <span aria-hidden="true">×</span>
        </Link>
      </div>
      {children}
    </dialog>
  );
}
