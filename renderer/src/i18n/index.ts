import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './catalogues';
import { defaultLanguage, languages } from './languages';

/**
 * One i18next instance for the participant-facing screens (the kiosk). The
 * facilitator's screens stay in plain English for now and do not use it.
 * Everything is bundled, so it is ready synchronously: no loading state, no
 * Suspense, no flash of untranslated keys.
 */
export const i18n: I18n = createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: defaultLanguage,
  fallbackLng: defaultLanguage,
  supportedLngs: languages.map((language) => language.code),
  initAsync: false,
  // React escapes what it renders; escaping here as well would show "&amp;".
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
});

export { defaultLanguage, languageOf, languages, type Language } from './languages';

/**
 * Wraps text from the data (a name, a course title) so that, inside an Arabic
 * sentence, Latin words and punctuation keep their own order (Unicode
 * first-strong isolate … pop directional isolate).
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
