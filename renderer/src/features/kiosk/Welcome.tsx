import { useTranslation } from 'react-i18next';
import type { KioskLanguage, KioskStatus } from '../../../../shared/contract';
import { languages } from '../../i18n';
import { moveAlong } from './arrowKeys';
import type { KioskFlow } from './flows';
import { timeOf } from './format';
import { InEnglish } from './InEnglish';
import { KioskButton, KioskScreen } from './KioskScreen';

interface WelcomeProps {
  session: NonNullable<KioskStatus['session']>;
  /** What this kiosk offers: sign-in, or the evaluation. */
  flows: readonly KioskFlow[];
  language: KioskLanguage;
  chooseLanguage(code: KioskLanguage): void;
  start(flowId: string): void;
  openFacilitator(): void;
}

/** The first screen: which session this is, the language, and what to do. */
export function Welcome({ session, flows, language, chooseLanguage, start, openFacilitator }: WelcomeProps) {
  const { t } = useTranslation();
  return (
    <KioskScreen title={t('kiosk.welcome.title')} className="kiosk-welcome">
      <div className="kiosk-session">
        <h2 className="kiosk-session__label">{t('kiosk.welcome.sessionHeading')}</h2>
        <p className="kiosk-session__title">
          <InEnglish>{session.courseTitle}</InEnglish>
        </p>
        <p className="kiosk-session__detail">
          <InEnglish>{session.venueName}</InEnglish>
        </p>
        <p className="kiosk-session__detail">
          {t('kiosk.welcome.time', { start: timeOf(session.startsAt, language), end: timeOf(session.endsAt, language) })}
        </p>
      </div>

      <div className="kiosk-languages" role="group" aria-labelledby="kiosk-languages-label" onKeyDown={moveAlong}>
        <h2 id="kiosk-languages-label" className="kiosk-languages__label">
          {t('kiosk.welcome.languages')}
        </h2>
        <div className="kiosk-languages__buttons">
          {languages.map((option) => (
            <button
              key={option.code}
              type="button"
              data-arrow-item
              className="kiosk-button kiosk-button--language"
              lang={option.htmlLang}
              dir={option.dir}
              aria-pressed={option.code === language}
              onClick={() => chooseLanguage(option.code)}
            >
              {option.name}
            </button>
          ))}
        </div>
      </div>

      {flows.map((flow) => (
        <p key={flow.id} className="kiosk-lead">
          {t(flow.introKey)}
        </p>
      ))}
      <div className="kiosk-actions">
        {flows.map((flow) => (
          <KioskButton key={flow.id} onClick={() => start(flow.id)}>
            {t(flow.startKey)}
          </KioskButton>
        ))}
      </div>

      <div className="kiosk-welcome__facilitator">
        <KioskButton kind="quiet" onClick={openFacilitator}>
          {t('kiosk.welcome.facilitator')}
        </KioskButton>
      </div>
    </KioskScreen>
  );
}
