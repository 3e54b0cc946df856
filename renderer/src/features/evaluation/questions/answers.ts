import {
  PREFER_NOT_TO_SAY,
  type Answers,
  type EvaluationItem,
  type KioskLanguage,
  type LocalisedText,
} from '../../../../../shared/contract';

/** A point on the 1 to 5 scale, or "prefer not to say". */
export type Rating = 1 | 2 | 3 | 4 | 5 | typeof PREFER_NOT_TO_SAY;
export const points = [1, 2, 3, 4, 5] as const;

export interface Pair {
  before?: Rating;
  after?: Rating;
}

/** One item's answer while it is being given: nothing yet, a rating, a pair (maybe half given), text, or an option's id. */
export type DraftAnswer = Rating | Pair | string | undefined;
export type Draft = Readonly<Record<string, DraftAnswer>>;

/** Why an item cannot be left as it is: a required answer is missing. */
export type Gap = 'choose' | 'both' | 'write';

/**
 * Template text in the reader's language, falling back to English. `lang` is
 * set when the words are not in the reader's language, so a screen reader
 * says them with an English voice.
 */
export function textIn(text: LocalisedText, language: KioskLanguage): { text: string; lang?: string } {
  const own = language === 'en' ? text.en : text[language]?.trim();
  return own ? { text: own } : { text: text.en, lang: language === 'en' ? undefined : 'en-GB' };
}

export function isRating(value: unknown): value is Rating {
  return value === PREFER_NOT_TO_SAY || points.includes(value as 1);
}

export function pairOf(value: DraftAnswer): Pair {
  return typeof value === 'object' && value !== null ? value : {};
}

/** Whether anything at all has been given for the item. */
export function answered(item: EvaluationItem, value: DraftAnswer): boolean {
  switch (item.kind) {
    case 'outcome_rating':
      return isRating(value);
    case 'confidence_pair': {
      const pair = pairOf(value);
      return isRating(pair.before) || isRating(pair.after);
    }
    case 'free_text':
      return typeof value === 'string' && value.trim() !== '';
    case 'single_choice':
      return typeof value === 'string' && item.options.some((option) => option.id === value);
  }
}

/** What is missing before a required item can be left (an optional one never blocks). */
export function gapIn(item: EvaluationItem, value: DraftAnswer): Gap | null {
  if (item.kind === 'confidence_pair') {
    const pair = pairOf(value);
    const complete = isRating(pair.before) && isRating(pair.after);
    if (complete || (item.optional && !isRating(pair.before) && !isRating(pair.after))) return null;
    // Half a pair cannot be compared, so an optional pair is either both or neither.
    return 'both';
  }
  if (item.optional || answered(item, value)) return null;
  return item.kind === 'free_text' ? 'write' : 'choose';
}

/** The first item, in order, that still needs an answer. */
export function firstGap(items: readonly EvaluationItem[], draft: Draft): { index: number; gap: Gap } | null {
  for (const [index, item] of items.entries()) {
    const gap = gapIn(item, draft[item.id]);
    if (gap) return { index, gap };
  }
  return null;
}

/** What is sent: only what was answered, written text trimmed. Skipped items are left out. */
export function toAnswers(items: readonly EvaluationItem[], draft: Draft): Answers {
  const answers: Answers = {};
  for (const item of items) {
    const value = draft[item.id];
    if (!answered(item, value)) continue;
    if (item.kind === 'confidence_pair') {
      const pair = pairOf(value);
      answers[item.id] = {
        ...(isRating(pair.before) ? { before: pair.before } : {}),
        ...(isRating(pair.after) ? { after: pair.after } : {}),
      };
    } else if (typeof value === 'string') {
      answers[item.id] = value.trim();
    } else if (isRating(value)) {
      answers[item.id] = value;
    }
  }
  return answers;
}

/** The id of an element for an item: "kiosk-q-outcome-abc" (ids are letters, digits and dashes). */
export function controlId(prefix: string, itemId: string, part?: string): string {
  const safe = itemId.replace(/[^\w-]/g, '_');
  return part ? `${prefix}-${safe}-${part}` : `${prefix}-${safe}`;
}
