import { useTranslation } from 'react-i18next';
import { KioskActions, KioskButton, KioskScreen } from '../KioskScreen';

/**
 * Step 3: what is recorded, who sees it, how long it is kept, and that saying
 * no is fine. The words are the catalogue's, in the reader's language; the
 * sign-in records which version of them (CONSENT_TEXT_VERSION) and which
 * language the person read.
 */
export function Consent({ agree, refuse, back }: { agree(): void; refuse(): void; back(): void }) {
  const { t } = useTranslation();
  const points = t('kiosk.consent.points', { returnObjects: true }) as unknown as string[];
  return (
    <KioskScreen title={t('kiosk.consent.title')}>
      <div className="kiosk-consent" id="kiosk-consent-text">
        <ul className="kiosk-consent__points">
          {points.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
        <p className="kiosk-consent__refuse">{t('kiosk.consent.refuseNote')}</p>
      </div>
      <h2 className="kiosk-question">{t('kiosk.consent.question')}</h2>
      <KioskActions>
        <KioskButton onClick={agree}>{t('kiosk.consent.agree')}</KioskButton>
        <KioskButton kind="secondary" onClick={refuse}>
          {t('kiosk.consent.disagree')}
        </KioskButton>
        <KioskButton kind="quiet" onClick={back}>
          {t('kiosk.actions.back')}
        </KioskButton>
      </KioskActions>
    </KioskScreen>
  );
}
