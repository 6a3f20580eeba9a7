'use client';

import type { SelectHTMLAttributes } from 'react';
import { Select } from '@/components/ui/select';

/** A select that submits its form when changed; without JavaScript the form's own button does the same. */
export function SubmitOnChangeSelect(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return <Select {...props} onChange={(event) => event.currentTarget.form?.requestSubmit()} />;
}
