import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consentTexts } from '../../electron/core/subject-access/consent-texts';
import { CONSENT_TEXT_VERSION, kioskLanguages } from '../../shared/contract';

/**
 * Subject access gives a person the consent words they read, from the core's
 * archive of consent texts; the kiosk shows its own catalogue's. The two hold
 * the same words for the version in use, in every kiosk language, so the
 * kiosk's words cannot change without a new version (and its words archived).
 */
describe('the archive of consent texts', () => {
  it.each(kioskLanguages)('holds the kiosk catalogue’s words for the version in use, in %s', (language) => {
    const catalogue = JSON.parse(readFileSync(`renderer/locales/${language}.json`, 'utf8')) as {
      kiosk: { consent: { points: string[]; refuseNote: string; question: string; agree: string } };
    };
    const { points, refuseNote, question, agree } = catalogue.kiosk.consent;
    expect(consentTexts[CONSENT_TEXT_VERSION]?.[language], `Change CONSENT_TEXT_VERSION and archive the new words in consent-texts.ts`).toEqual({
      points,
      refuseNote,
      question,
      agreed: agree,
    });
  });
});
