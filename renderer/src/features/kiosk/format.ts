import { languageOf } from '../../i18n';

/**
 * "09:30" from a session's local 'YYYY-MM-DDTHH:mm', in the reader's digits.
 * Two-digit, 24-hour in every language, as on the facilitator's screens: the
 * locale's own choice would give "9:30" in English and Polish and "9:30 ص" in Arabic.
 */
export function timeOf(localDateTime: string, language: string): string {
  const [hours = 0, minutes = 0] = (localDateTime.slice(11, 16) || '00:00').split(':').map(Number);
  const date = new Date(2000, 0, 1, hours, minutes);
  return new Intl.DateTimeFormat(languageOf(language).locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}
