import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../i18n';
import { KioskActions, KioskButton, KioskScreen } from '../KioskScreen';
import { outcomeMs } from '../timing';
import type { Problem } from './problems';

/**
 * The end of a visit. After a few seconds the kiosk goes back to the welcome
 * screen by itself, clearing everything, so the next person finds it clean
 * even if this one walked away; "Finish" does it at once. The evaluation ends
 * the same way.
 */
export function Outcome({ title, finish, children, stay }: { title: string; finish(): void; children: ReactNode; stay?: boolean }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (stay) return;
    const timer = window.setTimeout(finish, outcomeMs());
    return () => window.clearTimeout(timer);
  }, [finish, stay]);
  return (
    <KioskScreen title={title} className="kiosk-outcome">
      {children}
      {!stay && (
        <KioskActions>
          <KioskButton onClick={finish}>{t('kiosk.actions.finish')}</KioskButton>
        </KioskActions>
      )}
    </KioskScreen>
  );
}

/**
 * Chosen from the names but signed in already: said at the first step, before
 * the consent and the equality question, which they answered when they
 * signed in.
 */
export function AlreadySignedIn({ firstName, finish }: { firstName: string; finish(): void }) {
  const { t } = useTranslation();
  return (
    <Outcome title={t('kiosk.already.title', { name: isolate(firstName) })} finish={finish}>
      <p className="kiosk-lead">{t('kiosk.already.text')}</p>
      <p className="kiosk-muted">{t('kiosk.done.returning')}</p>
    </Outcome>
  );
}

/** Signed in; or, when the session was full, present and waiting at `waitlistPosition`. */
export function Done({ firstName, waitlistPosition, finish }: { firstName: string; waitlistPosition: number | null; finish(): void }) {
  const { t } = useTranslation();
  const name = isolate(firstName);
  if (waitlistPosition !== null) {
    return (
      <Outcome title={t('kiosk.done.waitlisted.title', { name })} finish={finish}>
        <p className="kiosk-lead">{t('kiosk.done.waitlisted.position', { position: waitlistPosition })}</p>
        <p className="kiosk-lead">{t('kiosk.done.waitlisted.seeFacilitator')}</p>
        <p className="kiosk-muted">{t('kiosk.done.returning')}</p>
      </Outcome>
    );
  }
  return (
    <Outcome title={t('kiosk.done.title', { name })} finish={finish}>
      <p className="kiosk-lead">{t('kiosk.done.seat')}</p>
      <p className="kiosk-muted">{t('kiosk.done.returning')}</p>
    </Outcome>
  );
}

/** "I do not agree": nothing was sent, so nothing is stored. */
export function Refused({ finish }: { finish(): void }) {
  const { t } = useTranslation();
  return (
    <Outcome title={t('kiosk.refused.title')} finish={finish}>
      <p className="kiosk-lead">{t('kiosk.refused.nothingSaved')}</p>
      <p className="kiosk-lead">{t('kiosk.refused.seeFacilitator')}</p>
    </Outcome>
  );
}

/** The sign-in was refused. "You may already be on the list" offers the search instead of ending. */
export function ProblemScreen({ problem, finish, search }: { problem: Problem; finish(): void; search(): void }) {
  const { t } = useTranslation();
  const offerSearch = problem === 'mayBeOnList';
  return (
    <Outcome title={t(`kiosk.problems.${problem}.title`)} finish={finish} stay={offerSearch}>
      <p className="kiosk-lead">{t(`kiosk.problems.${problem}.text`)}</p>
      {offerSearch && (
        <KioskActions>
          <KioskButton onClick={search}>{t('kiosk.problems.mayBeOnList.search')}</KioskButton>
          <KioskButton kind="secondary" onClick={finish}>
            {t('kiosk.actions.startAgain')}
          </KioskButton>
        </KioskActions>
      )}
    </Outcome>
  );
}
