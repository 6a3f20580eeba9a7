import type { SelectHTMLAttributes } from 'react';

/**
 * A <select> that shows its defaultValue again after a form action. React applies a select's defaultValue only
 * when it mounts, and resets the form once an action returns, so a refused form would fall back to the value it
 * first had ("Velg selskap"). Keyed on the value, it mounts anew whenever the value to show changes.
 */
export function Select(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select key={String(props.defaultValue ?? '')} {...props} />;
}
