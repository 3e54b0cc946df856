import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskSignInMatch } from '../../../../../shared/contract';
import { call } from '../../../api/client';
import { useAsync } from '../../../components/useAsync';
import { InEnglish } from '../InEnglish';
import { KioskActions, KioskButton, KioskScreen } from '../KioskScreen';
import type { NewPerson } from './AddSelf';

/**
 * After "I am not on the list" and the name typed: anyone already on the list
 * under that name is shown first, signed-in people marked, so Seun finds
 * "Seun A." (perhaps signed in already) instead of making a second one.
 * With nobody under that name, it goes straight on to the consent.
 */
export function LookAlikes({ person, choose, isNew, back }: {
  person: NewPerson;
  choose(match: KioskSignInMatch): void;
  isNew(): void;
  back(): void;
}) {
  const { t } = useTranslation();
  const found = useAsync(() => call('kiosk.find', { query: `${person.givenName} ${person.familyName}` }), [person]);
  const matches = found.data?.matches ?? [];
  // A failed search must not stop a walk-in signing in: the core still checks for look-alikes when they do.
  const nobody = found.status === 'failed' || (found.status === 'ready' && matches.length === 0);

  useEffect(() => {
    if (nobody) isNew();
  }, [nobody, isNew]);

  if (found.status === 'loading' || nobody) {
    return (
      <KioskScreen title={t('kiosk.lookalikes.checking')}>
        <p className="kiosk-lead">{t('kiosk.lookalikes.wait')}</p>
      </KioskScreen>
    );
  }
  return (
    <KioskScreen title={t('kiosk.lookalikes.title')}>
      <p className="kiosk-lead">{t('kiosk.lookalikes.intro')}</p>
      <ul className="kiosk-choices" aria-label={t('kiosk.lookalikes.title')}>
        {matches.map((match) => (
          <li key={match.personId}>
            <button type="button" className="kiosk-button kiosk-button--choice" onClick={() => choose(match)}>
              <InEnglish>{match.label}</InEnglish>
              {match.signedIn && (
                <span className="kiosk-choice__mark">
                  <span aria-hidden="true">✓ </span>
                  {t('kiosk.find.signedIn')}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      <KioskActions>
        <KioskButton kind="secondary" onClick={isNew}>
          {t('kiosk.lookalikes.none')}
        </KioskButton>
        <KioskButton kind="quiet" onClick={back}>
          {t('kiosk.actions.back')}
        </KioskButton>
      </KioskActions>
    </KioskScreen>
  );
}
