/** The form's summary line, announced politely to screen readers. */
export function FormStatus({ text, tone }: { text?: string; tone: 'error' | 'success' | 'idle' }) {
  const colour = tone === 'error' ? 'border-red-300 bg-red-50 text-red-800' : 'border-green-300 bg-green-50 text-green-900';
  return (
    <div aria-live="polite" role="status">
      {text ? <p className={`rounded-md border px-3 py-2 text-sm ${colour}`}>{text}</p> : null}
    </div>
  );
}
