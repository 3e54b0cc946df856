import { longDate } from '../../../shared/words-for-days';
import { localDate } from '../deps';

/** The words every report's note about erased people shares (erased-in-reports.ts, reports/demand-erased.ts). */

/** "2 December 2026": the day this computer was on when the first of them was erased. */
export const sinceWords = (erasedAt: string) => longDate(localDate(new Date(erasedAt)));

/** "1 person", "1,204 people". */
export const peopleWords = (n: number) => (n === 1 ? '1 person' : `${n.toLocaleString('en-GB')} people`);

/** "1 waitlist entry", "3 waitlist entries". */
export const countedWords = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
