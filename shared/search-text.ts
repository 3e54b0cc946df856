/**
 * How names are compared when searching: accents, case and punctuation set
 * aside, so "sio" finds Siobhán, "o'b" finds O'Brien and "lukasz" finds
 * Łukasz. Shared so the kiosk counts typed letters the way the search does.
 */

// Letters that Unicode decomposition leaves alone but people type without.
const foldedLetters: Record<string, string> = {
  ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h',
};

export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøæœßđðþıħ]/g, (letter) => foldedLetters[letter] ?? letter)
    .replace(/['’‘`ʼ.]/g, '')
    .replace(/[\s\-‐‑_,]+/g, ' ')
    .trim();
}

/** How many searchable letters the text has once punctuation and spaces are set aside. */
export function searchableLength(text: string): number {
  return Array.from(normaliseForSearch(text).replace(/ /g, '')).length;
}
