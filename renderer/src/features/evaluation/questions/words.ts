import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskLanguage } from '../../../../../shared/contract';
import type { Gap } from './answers';

/**
 * The kiosk catalogue's words in one language. The questions are the same
 * components at the kiosk (the participant's language) and on the
 * facilitator's screens (English), so they ask for their language outright
 * instead of following the kiosk's current one.
 */
export function useWords(language: KioskLanguage) {
  const options = useMemo(() => ({ lng: language }), [language]);
  return useTranslation(undefined, options).t;
}

/** The words at each point of the 1 to 5 scale, lowest first. */
export const scaleKeys = [
  'kiosk.evaluation.scale.1',
  'kiosk.evaluation.scale.2',
  'kiosk.evaluation.scale.3',
  'kiosk.evaluation.scale.4',
  'kiosk.evaluation.scale.5',
] as const;

export const gapKeys: Record<Gap, string> = {
  choose: 'kiosk.evaluation.errors.choose',
  both: 'kiosk.evaluation.errors.both',
  write: 'kiosk.evaluation.errors.write',
};
