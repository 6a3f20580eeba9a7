import type { ReactNode } from 'react';

// The benchmark's floor (lib/cli/bench-cases.ts): a root layout of its own, so none of the portal's providers,
// messages or styles are part of it.
export default function FloorLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
