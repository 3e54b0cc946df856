import type { BundleSummary, OutgoingBundle } from '../../../../shared/contract';
import { ApiError } from '../../api/client';
import { NOT_GIVEN, plural } from '../../components/format';
export { momentText } from '../../components/format';
import { fieldInWords, importLogLabels, signInsInWords } from '../../../../shared/labels';

/** "2 sessions, 41 sign-ins, 3 evaluations, 5 new people"; parts with none are left out. */
export function summaryText(summary: BundleSummary): string {
  const parts = [
    summary.sessions > 0 ? plural(summary.sessions, 'session') : '',
    summary.signIns > 0 || summary.undone > 0 ? signInsInWords(summary.signIns, summary.undone) : '',
    summary.evaluations > 0 ? plural(summary.evaluations, 'evaluation') : '',
    summary.newPeople > 0 ? plural(summary.newPeople, 'new person', 'new people') : '',
  ].filter(Boolean);
  if (parts.length > 0) return parts.join(', ');
  return summary.changes > 0 ? plural(summary.changes, 'other change') : 'nothing new';
}

/** "End-of-day file 3", as the screens name a laptop's numbered file (never "bundle"). */
export function fileNumberText(sequence: number): string {
  return `End-of-day file ${sequence}`;
}

/** "End-of-day file 3 written: 2 sessions, 41 sign-ins." */
export function bundleWrittenText(bundle: OutgoingBundle): string {
  return `${fileNumberText(bundle.sequence)} written: ${summaryText(bundle.summary)}.`;
}

/**
 * A refusal in plain words. The core writes its messages for people
 * ("This file was changed or cut short…"); anything else gets a safe sentence.
 */
export function problemText(error: unknown, nothingChanged = 'Nothing was changed.'): string {
  if (error instanceof ApiError && error.message) return error.message;
  return `Something went wrong. ${nothingChanged} Please try again.`;
}

export const outcomeLabels = importLogLabels;

/** [1,2,3,5,7,8] -> "1 to 3, 5, 7 and 8" */
export function numbersText(numbers: readonly number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let index = 0; index < sorted.length; ) {
    let end = index;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end += 1;
    const first = sorted[index]!;
    const last = sorted[end]!;
    if (end - index >= 2) runs.push(`${first} to ${last}`);
    else runs.push(...sorted.slice(index, end + 1).map(String));
    index = end + 1;
  }
  if (runs.length <= 1) return runs[0] ?? '';
  return `${runs.slice(0, -1).join(', ')} and ${runs[runs.length - 1]}`;
}

/** A value from the conflict log as text: the field may hold a name, a number, a state or nothing. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return NOT_GIVEN;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A record's field as a person says it: "given_name" → "Given name". */
export const fieldText = fieldInWords;
