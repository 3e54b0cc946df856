import { kioskLanguages, type EvaluationItem, type EvaluationTemplate, type KioskLanguage, type LocalisedText } from '../../../../../shared/contract';

/** Every piece of template text an item shows: its question (or both halves of a pair) and its options. */
function textsOf(item: EvaluationItem): LocalisedText[] {
  switch (item.kind) {
    case 'confidence_pair':
      return [item.before, item.after];
    case 'single_choice':
      return [item.text, ...item.options.map((option) => option.text)];
    default:
      return [item.text];
  }
}

/** Whether a participant reading `language` sees some of this item in English instead. */
export function isTranslated(item: EvaluationItem, language: KioskLanguage): boolean {
  return language === 'en' || textsOf(item).every((text) => Boolean(text[language]?.trim()));
}

export interface MissingTranslation {
  language: KioskLanguage;
  /** The language's name in English, as the facilitator's screens say it: "Arabic". */
  name: string;
  /** Questions with some words in English only, of `total`. */
  untranslated: number;
  total: number;
}

const englishNames: Record<KioskLanguage, string> = { en: 'English', ar: 'Arabic', pl: 'Polish' };

/** For each kiosk language other than English, how many of the template's questions it lacks; only those that lack some. */
export function missingTranslations(template: Pick<EvaluationTemplate, 'items'>): MissingTranslation[] {
  return kioskLanguages
    .filter((language) => language !== 'en')
    .map((language) => ({
      language,
      name: englishNames[language],
      untranslated: template.items.filter((item) => !isTranslated(item, language)).length,
      total: template.items.length,
    }))
    .filter((missing) => missing.untranslated > 0);
}
