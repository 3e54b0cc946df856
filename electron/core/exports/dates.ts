import type { Cell } from './table';

/**
 * Dates in a spreadsheet have no time zone: Excel shows the day and time a
 * cell holds, as written. So a cell is given the wall-clock reading a person
 * expects, carried in a Date's UTC fields (which is how exceljs writes one):
 * a session's own venue time as stored, and a moment the core stamped in UTC
 * as this computer's clock read it, the way every screen shows it.
 */

type DateCell = Extract<Cell, { kind: 'day' | 'wallClock' | 'instant' }>;

export function isDateCell(cell: Cell): cell is DateCell {
  return cell.kind === 'day' || cell.kind === 'wallClock' || cell.kind === 'instant';
}

/** Whether the cell is shown with its time of day, or as a day alone. */
export const hasTime = (cell: DateCell) => cell.kind !== 'day';

/** The reading to show, in a Date's UTC fields. */
export function wallClockDate(cell: DateCell): Date {
  if (cell.kind === 'day') return new Date(`${cell.value}T00:00:00Z`);
  if (cell.kind === 'wallClock') return new Date(`${cell.value}:00Z`);
  const instant = new Date(cell.value);
  return new Date(
    Date.UTC(instant.getFullYear(), instant.getMonth(), instant.getDate(), instant.getHours(), instant.getMinutes(), instant.getSeconds()),
  );
}

/** The same reading as text: "2026-03-12", or "2026-03-12 09:30", which spreadsheets read as a date in any locale. */
export function dateText(cell: DateCell): string {
  const reading = wallClockDate(cell).toISOString();
  return hasTime(cell) ? `${reading.slice(0, 10)} ${reading.slice(11, 16)}` : reading.slice(0, 10);
}
