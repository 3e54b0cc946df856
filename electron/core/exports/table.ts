/**
 * A list as a table to write out: a heading per column and one value per
 * cell, each with its kind, so the XLSX writer can give dates real date cells
 * and the CSV writer can spell them the same way every time.
 */

export type Cell =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  /** A calendar day, "2026-03-12". */
  | { kind: 'day'; value: string }
  /** A wall-clock time at the venue, "2026-03-12T09:30", as sessions store them. */
  | { kind: 'wallClock'; value: string }
  /** A moment the core stamped in UTC, shown in this computer's time as the screens show it. */
  | { kind: 'instant'; value: string }
  | { kind: 'empty' };

export interface Column<Row> {
  /** Plain words: "Given name", "Organisation", "Signed in at". */
  header: string;
  cell(row: Row): Cell;
}

export interface ExportTable {
  /** The sheet's name and the start of the file's name: "People", "Roster". */
  title: string;
  /** What the file is called, when the title alone would not say which: "Roster First aid 2026-03-20". */
  fileStem?: string;
  headers: string[];
  rows: Cell[][];
}

export function tableOf<Row>(title: string, columns: Column<Row>[], rows: readonly Row[]): ExportTable {
  return { title, headers: columns.map((column) => column.header), rows: rows.map((row) => columns.map((column) => column.cell(row))) };
}

const empty: Cell = { kind: 'empty' };

/** Builders for cells, so each list's columns read as one line each. */
export const cell = {
  text: (value: string | null | undefined): Cell => (value ? { kind: 'text', value } : empty),
  number: (value: number | null | undefined): Cell => (value === null || value === undefined ? empty : { kind: 'number', value }),
  yesNo: (value: boolean): Cell => ({ kind: 'text', value: value ? 'Yes' : 'No' }),
  day: (value: string | null | undefined): Cell => (value ? { kind: 'day', value } : empty),
  wallClock: (value: string | null | undefined): Cell => (value ? { kind: 'wallClock', value } : empty),
  instant: (value: string | null | undefined): Cell => (value ? { kind: 'instant', value } : empty),
  empty: (): Cell => empty,
  /** A value from the conflict log: a name, a number, a state or nothing. */
  anything(value: unknown): Cell {
    if (value === null || value === undefined || value === '') return empty;
    if (typeof value === 'number') return { kind: 'number', value };
    if (typeof value === 'string') return { kind: 'text', value };
    return { kind: 'text', value: typeof value === 'boolean' ? (value ? 'Yes' : 'No') : JSON.stringify(value) };
  },
};
