import type { MatrixRow } from './types';

// Every feature keeps its rows in its own file under rows/, so that adding a feature never edits another's rows.
declare global {
  // Vite's import.meta.glob (vitest runs on Vite), declared here so tsc needs no Vite types.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merging into ImportMeta needs an interface
  interface ImportMeta {
    glob<T>(pattern: string, options: { eager: true }): Record<string, T>;
  }
}

const modules = import.meta.glob<{ rows: MatrixRow[] }>('./rows/*.ts', { eager: true });

export const MATRIX_ROWS: MatrixRow[] = Object.values(modules).flatMap((module) => module.rows);
