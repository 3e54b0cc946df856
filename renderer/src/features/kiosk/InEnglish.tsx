import { useTranslation } from 'react-i18next';
import { defaultLanguage, languageOf } from '../../i18n';

/**
 * Text from the data, written in English at the office: a course title, a
 * venue, an organisation, a name as the office spelled it. Inside the Arabic
 * or Polish kiosk it carries lang="en-GB", so a screen reader reads it with an
 * English voice instead of sounding it out as Arabic or Polish; <bdi> keeps
 * its word order and punctuation in place on a right-to-left page.
 */
export function InEnglish({ children }: { children: string }) {
  const { i18n } = useTranslation();
  const language = languageOf(i18n.resolvedLanguage);
  return <bdi lang={language.code === defaultLanguage ? undefined : 'en-GB'}>{children}</bdi>;
}
