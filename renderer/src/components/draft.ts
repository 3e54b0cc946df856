/** Helpers that turn what is typed on screen into a procedure's input, and back. */

/** One line of an ordered list editor; the key stays with the line when it moves. */
export interface ListItem {
  key: string;
  text: string;
}

let nextKey = 0;

export function listItem(text = ''): ListItem {
  nextKey += 1;
  return { key: `item-${nextKey}`, text };
}

export function listItems(texts: readonly string[]): ListItem[] {
  return texts.map((text) => listItem(text));
}

export function texts(items: readonly ListItem[]): string[] {
  return items.map((item) => item.text);
}

/**
 * A whole number typed as text. Blank is "not given" (the schema says it is
 * required); anything that is not a number becomes NaN, which the schema
 * reports as "must be a number".
 */
export function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Blank becomes null: "no value" has one spelling in the contract. */
export function blankToNull(text: string): string | null {
  return text.trim() === '' ? null : text;
}

export function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
