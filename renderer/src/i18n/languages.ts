import type { KioskLanguage } from '../../../shared/contract';

export interface Language {
  code: KioskLanguage;
  /** The language's name in itself, so a reader finds it without knowing English. */
  name: string;
  dir: 'ltr' | 'rtl';
  /** The `lang` attribute: screen readers pick their voice from it. */
  htmlLang: string;
  /**
   * For times and numbers. Arabic keeps Western digits ("10:30"), the digits
   * used on signs, timetables and PINs in the UK; see docs/translations.md.
   */
  locale: string;
}

/**
 * Every language the kiosk offers, in the order of its buttons. Keyed by the
 * contract's languages, so adding one there fails to compile until it is here.
 */
const byCode = {
  en: { code: 'en', name: 'English', dir: 'ltr', htmlLang: 'en-GB', locale: 'en-GB' },
  ar: { code: 'ar', name: 'العربية', dir: 'rtl', htmlLang: 'ar', locale: 'ar-u-nu-latn' },
  pl: { code: 'pl', name: 'Polski', dir: 'ltr', htmlLang: 'pl', locale: 'pl-PL' },
} as const satisfies Record<KioskLanguage, Language>;

export const languages: readonly Language[] = Object.values(byCode);

/** Each participant starts here; the welcome screen offers the others. */
export const defaultLanguage: KioskLanguage = 'en';

export function languageOf(code: string | undefined): Language {
  return (byCode as Record<string, Language>)[code ?? ''] ?? byCode[defaultLanguage];
}
