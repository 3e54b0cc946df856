import { yearStartInWords, type SchemeView } from '../../../../shared/contract';

/** Pence as the office reads it: £25.00. */
export const pounds = (pence: number | null) => (pence === null ? 'No fee' : `£${(pence / 100).toFixed(2)}`);

/** "25", "25.00" or "£25" typed into a fee box, in pence; null when left blank, NaN when it is not an amount. */
export function typedPence(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /^£?\s*(\d{1,7})(?:\.(\d{1,2}))?$/.exec(trimmed);
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0')) : Number.NaN;
}

export const termsInWords = (scheme: Pick<SchemeView, 'yearStarts'>) =>
  scheme.yearStarts ? `Membership year from ${yearStartInWords(scheme.yearStarts)}` : 'Rolling 12-month terms';


// The roster's words are shared with the tests, which cannot import the renderer.
export { memberLineText, shortDay } from '../../../../shared/member-line';
