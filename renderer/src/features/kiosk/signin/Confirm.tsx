import { useTranslation } from 'react-i18next';
import { InEnglish } from '../InEnglish';
import { KioskActions, KioskButton, KioskScreen } from '../KioskScreen';

/** Step 2: "Is this you?", so nobody signs in as a namesake by mistake. */
export function Confirm({ label, yes, no }: { label: string; yes(): void; no(): void }) {
  const { t } = useTranslation();
  return (
    <KioskScreen title={t('kiosk.confirm.title')}>
      <p className="kiosk-person">
        <InEnglish>{label}</InEnglish>
      </p>
      <KioskActions>
        <KioskButton onClick={yes}>{t('kiosk.confirm.yes')}</KioskButton>
        <KioskButton kind="secondary" onClick={no}>
          {t('kiosk.confirm.no')}
        </KioskButton>
      </KioskActions>
    </KioskScreen>
  );
}
