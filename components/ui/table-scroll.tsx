import type { ReactNode } from 'react';

// The first cell of every row stays in view while the rest scrolls under it, so it needs an opaque background:
// white in the body; in the head it takes its row's, so give the head row (the <tr>, not the <thead>) one.
const STICKY_FIRST_COLUMN =
  '[&_tr>:first-child]:sticky [&_tr>:first-child]:left-0 [&_tr>:first-child]:z-10 [&_tbody_tr>:first-child]:bg-white [&_thead_tr>:first-child]:bg-inherit [&_tr>:first-child]:shadow-[inset_-1px_0_0_var(--color-slate-200)] md:[&_tr>:first-child]:shadow-none';

type Props = {
  /** The region's accessible name (usually the table's caption text). */
  label: string;
  /** Keep the row headers (first column) in view while scrolling sideways. */
  stickyFirstColumn?: boolean;
  className?: string;
  children: ReactNode;
};

/**
 * A wide table's own scroll box, so the page itself never scrolls sideways on a phone (WCAG 1.4.10 allows
 * tables to scroll in two directions). It is a named, focusable region, so keyboard users can scroll it too, and
 * `relative`, so absolutely placed parts inside (sr-only texts, row menus) are clipped by it rather than widening the page.
 */
export function TableScroll({ label, stickyFirstColumn = false, className = '', children }: Props) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`relative max-w-full overflow-x-auto ${stickyFirstColumn ? STICKY_FIRST_COLUMN : ''} ${className}`}
    >
      {children}
    </div>
  );
}
