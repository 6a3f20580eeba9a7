import type { Sheet, SheetCell } from './stream';

export function escapeXml(text: string): string;
export function columnName(index: number): string;
export function createSheetWriter(
  sheet: Sheet,
  onBytes: (bytes: Uint8Array) => void,
): { writeRows(rows: readonly (readonly SheetCell[])[]): void; end(): void };
