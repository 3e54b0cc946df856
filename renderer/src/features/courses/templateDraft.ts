import type { EvaluationItem, EvaluationMoment, LearningOutcome, LocalisedText } from '../../../../shared/contract';
import { momentsOf } from '../../../../shared/evaluation-moments';
import type { Errors } from '../../components/form';

/** Template text as typed: every language a box, empty when not translated yet. */
export interface DraftText {
  en: string;
  ar: string;
  pl: string;
}

export interface DraftOption {
  /** Stays with the line when it moves, for React and for focus. */
  key: string;
  id: string;
  text: DraftText;
}

interface Common {
  key: string;
  id: string;
  optional: boolean;
  /** When it is asked: before the session (at sign-in), after it, at the follow-up. */
  moments: EvaluationMoment[];
}

export type DraftItem =
  | (Common & { kind: 'outcome_rating'; outcomeId: string; text: DraftText })
  | (Common & { kind: 'confidence_pair'; before: DraftText; after: DraftText })
  | (Common & { kind: 'free_text'; text: DraftText })
  | (Common & { kind: 'single_choice'; text: DraftText; options: DraftOption[] });

export interface TemplateDraft {
  items: DraftItem[];
  /** Weeks from the session to the follow-up, as typed. */
  followUpWeeks: string;
}

/** The moments in the order of the cycle, with the words the editor uses for each. */
export const momentLabels: Record<EvaluationMoment, string> = {
  before: 'Before the session (at sign-in)',
  after: 'After the session',
  follow_up: 'At the follow-up',
};

export const kindLabels: Record<DraftItem['kind'], string> = {
  outcome_rating: 'Rating of a learning outcome',
  confidence_pair: 'Confidence now (and, at the end, the retrospective “before today”)',
  free_text: 'Written answer',
  single_choice: 'Single choice',
};

let made = 0;
/** A new id for a question or an answer: unique within the template, short, and never reused. */
function newId(prefix: string): string {
  made += 1;
  return `${prefix}-${Date.now().toString(36)}-${made}`;
}

const draftText = (text?: LocalisedText): DraftText => ({ en: text?.en ?? '', ar: text?.ar ?? '', pl: text?.pl ?? '' });

function localised(text: DraftText): LocalisedText {
  const ar = text.ar.trim();
  const pl = text.pl.trim();
  return { en: text.en, ...(ar ? { ar } : {}), ...(pl ? { pl } : {}) };
}

function draftOption(id: string, text?: LocalisedText): DraftOption {
  return { key: newId('key'), id, text: draftText(text) };
}

export function fromItems(items: readonly EvaluationItem[], followUpWeeks: number): TemplateDraft {
  return {
    followUpWeeks: String(followUpWeeks),
    items: items.map((item): DraftItem => {
      const common = { key: newId('key'), id: item.id, optional: item.optional, moments: [...momentsOf(item)] };
      switch (item.kind) {
        case 'outcome_rating':
          return { ...common, kind: item.kind, outcomeId: item.outcomeId, text: draftText(item.text) };
        case 'confidence_pair':
          return { ...common, kind: item.kind, before: draftText(item.before), after: draftText(item.after) };
        case 'free_text':
          return { ...common, kind: item.kind, text: draftText(item.text) };
        case 'single_choice':
          return { ...common, kind: item.kind, text: draftText(item.text), options: item.options.map((option) => draftOption(option.id, option.text)) };
      }
    }),
  };
}

export function toItems(draft: TemplateDraft): EvaluationItem[] {
  return draft.items.map((item): EvaluationItem => {
    const order = ['before', 'after', 'follow_up'] as const;
    const common = { id: item.id, optional: item.optional, moments: order.filter((moment) => item.moments.includes(moment)) };
    switch (item.kind) {
      case 'outcome_rating':
        return { ...common, kind: item.kind, outcomeId: item.outcomeId, text: localised(item.text) };
      case 'confidence_pair':
        return { ...common, kind: item.kind, before: localised(item.before), after: localised(item.after) };
      case 'free_text':
        return { ...common, kind: item.kind, text: localised(item.text) };
      case 'single_choice':
        return {
          ...common,
          kind: item.kind,
          text: localised(item.text),
          options: item.options.map((option) => ({ id: option.id, text: localised(option.text) })),
        };
    }
  });
}

export const newOption = (): DraftOption => draftOption(newId('answer'));

export function newItem(kind: 'free_text' | 'single_choice'): DraftItem {
  const common = { key: newId('key'), id: newId('question'), optional: true, moments: ['after' as const], text: draftText() };
  return kind === 'free_text' ? { ...common, kind } : { ...common, kind, options: [newOption(), newOption()] };
}

export function outcomeItem(outcome: LearningOutcome): DraftItem {
  return {
    key: newId('key'),
    // As in the default template; an outcome is rated at most once, so the id is free.
    id: `outcome-${outcome.id}`.slice(0, 60),
    kind: 'outcome_rating',
    outcomeId: outcome.id,
    optional: false,
    moments: ['before', 'after'],
    text: draftText({ en: outcome.text }),
  };
}

/** Plain words for what the schema would say: every English text is needed, and a choice needs two answers. */
export function checkTemplate(draft: TemplateDraft): Errors {
  const errors: Errors = {};
  if (draft.items.length === 0) errors.items = 'An evaluation needs at least one question. Add one.';
  const weeks = Number(draft.followUpWeeks.trim());
  if (!/^\d+$/.test(draft.followUpWeeks.trim()) || weeks < 1 || weeks > 104) errors.followUpWeeks = 'Enter the weeks until the follow-up, from 1 to 104.';
  draft.items.forEach((item, index) => {
    const number = index + 1;
    if (item.moments.length === 0) errors[`items.${index}.moments`] = `Question ${number}: choose at least one moment to ask it at.`;
    const need = (path: string, text: DraftText, what: string) => {
      if (text.en.trim() === '') errors[`items.${index}.${path}.en`] = `Question ${number}: write ${what} in English.`;
    };
    if (item.kind === 'confidence_pair') {
      need('before', item.before, 'the “before” question');
      need('after', item.after, 'the “now” question');
      return;
    }
    need('text', item.text, 'the question');
    if (item.kind !== 'single_choice') return;
    if (item.options.length < 2) errors[`items.${index}.options`] = `Question ${number}: give at least 2 answers to choose from.`;
    item.options.forEach((option, at) => {
      if (option.text.en.trim() === '') errors[`items.${index}.options.${at}.text.en`] = `Question ${number}: write answer ${at + 1} in English, or remove it.`;
    });
  });
  return errors;
}
