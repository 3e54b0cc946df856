/** "12 March 2026": how messages about files name a day, the way people write it. */
export function dayInWords(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}
