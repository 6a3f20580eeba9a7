'use client';

import { useTranslations } from 'next-intl';
import { useState, useSyncExternalStore } from 'react';

function subscribe() {
  return () => {};
}

/** Copies a value to the clipboard. Rendered only where JavaScript and the Clipboard API exist; the value is visible text anyway. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useTranslations('cases');
  const canCopy = useSyncExternalStore(
    subscribe,
    () => typeof navigator !== 'undefined' && Boolean(navigator.clipboard),
    () => false,
  );
  const [copied, setCopied] = useState(false);
  if (!canCopy) return null;
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Permission refused: the value stays on screen to select by hand.
    }
  }
  return (
    <>
      <button
        type="button"
        onClick={copy}
        aria-label={t('paymentInfo.copy', { label })}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100"
      >
        {copied ? t('paymentInfo.copied') : t('paymentInfo.copyShort')}
      </button>
      <span aria-live="polite" className="sr-only">
        {copied ? t('paymentInfo.copiedLabel', { label }) : ''}
      </span>
    </>
  );
}
