import { sheetFields, sheetHeaderKey, type SheetField, type SheetKind } from '../../../../shared/contract';

/** Header → field, as the procedures take it. */
export type ColumnMapping = Record<string, SheetField>;

/**
 * What the office mapped each unrecognised column to, kept in this browser's
 * localStorage (unlike useRemembered's sessionStorage, it outlives the
 * window) so next month's sheet with the same "Workplace" column is read the
 * same way. One entry per kind, keyed by the header with case and spacing set
 * aside, as the core compares headers.
 */
const storageKey = (kind: SheetKind) => `fieldbook:sheets:mapping:${kind}`;

export const headerKey = sheetHeaderKey;

export function rememberedMapping(kind: SheetKind): ColumnMapping {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(kind)) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as ColumnMapping) : {};
  } catch {
    // A stored value this version cannot read is forgotten rather than trusted.
    return {};
  }
}

/** Remembers the headers mapped in this file; a header set back to "not read" is forgotten. */
export function rememberMapping(kind: SheetKind, headers: readonly string[], mapping: ColumnMapping): void {
  const stored = rememberedMapping(kind);
  for (const header of headers) {
    const field = mapping[header];
    if (field) stored[headerKey(header)] = field;
    else delete stored[headerKey(header)];
  }
  localStorage.setItem(storageKey(kind), JSON.stringify(stored));
}

/** The remembered mapping for the columns of this file the core could not place. */
export function rememberedFor(kind: SheetKind, ignoredColumns: readonly string[]): ColumnMapping {
  const stored = rememberedMapping(kind);
  const mapping: ColumnMapping = {};
  for (const header of ignoredColumns) {
    const field = stored[headerKey(header)];
    // Only a field this version knows: the stored text is the browser's, not the contract's.
    if (field && (sheetFields as readonly string[]).includes(field)) mapping[header] = field;
  }
  return mapping;
}
