import type { SubjectAccessCell } from '../../../../shared/contract';
import { dayAndTime, longDate, momentText, NOT_GIVEN } from '../../components/format';

/** A value of the answer as the screen (and the printed page) reads it: "2 December 2026", "09:30", "Not given". */
export function cellText(cell: SubjectAccessCell): string {
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'number':
      return cell.value.toLocaleString('en-GB');
    case 'day':
      return longDate(cell.value);
    case 'wallClock':
      return dayAndTime(cell.value);
    case 'instant':
      return momentText(cell.value);
    case 'empty':
      return NOT_GIVEN;
  }
}
