import { languageOf } from '../../i18n';

/** "10:30" from a session's local 'YYYY-MM-DDTHH:mm', in the reader's language. */
export function timeOf(localDateTime: string, language: string): string {
  const [hours = 0, minutes = 0] = (localDateTime.slice(11, 16) || '00:00').split(':').map(Number);
  const date = new Date(2000, 0, 1, hours, minutes);
  return new Intl.DateTimeFormat(languageOf(language).locale, { hour: 'numeric', minute: '2-digit' }).format(date);
}
