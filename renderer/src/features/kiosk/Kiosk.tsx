import { useCallback, useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { KioskLanguage, KioskMode, KioskStatus } from '../../../../shared/contract';
import { defaultLanguage, i18n, languageOf } from '../../i18n';
import '../../styles/kiosk.css';
import { flowsFor } from './flows';
import { IdleWarning, useIdleRestart } from './IdleWarning';
import { LeaveKiosk } from './LeaveKiosk';
import { Welcome } from './Welcome';

type Mode = { name: 'welcome' } | { name: 'flow'; flowId: string } | { name: 'leave' };

/**
 * The laptop as a kiosk for participants: only these screens, no menu, no way
 * to the facilitator's screens except the PIN. Each participant starts from
 * a blank welcome screen in English; everything they typed or chose lives
 * under one React key, so starting again throws all of it away at once.
 */
function KioskScreens({ session, mode: kioskMode }: { session: NonNullable<KioskStatus['session']>; mode: KioskMode }) {
  const { i18n: current } = useTranslation();
  const flows = flowsFor(kioskMode);
  const language = languageOf(current.resolvedLanguage);
  const [mode, setMode] = useState<Mode>({ name: 'welcome' });
  const [visit, setVisit] = useState(0);

  const toWelcome = useCallback(() => setMode({ name: 'welcome' }), []);
  const restart = useCallback(() => {
    void i18n.changeLanguage(defaultLanguage);
    setMode({ name: 'welcome' });
    setVisit((count) => count + 1);
  }, []);

  // The whole page mirrors for Arabic: the document's lang and dir, not just this tree's.
  useEffect(() => {
    document.documentElement.lang = language.htmlLang;
    document.documentElement.dir = language.dir;
  }, [language]);
  useEffect(
    () => () => {
      document.documentElement.lang = 'en-GB';
      document.documentElement.dir = 'ltr';
    },
    [],
  );

  // A language left chosen on the welcome screen is also the last person's choice.
  const pristine = mode.name === 'welcome' && language.code === defaultLanguage;
  const warning = useIdleRestart(!pristine, restart);
  const flow = mode.name === 'flow' ? flows.find((candidate) => candidate.id === mode.flowId) : undefined;

  return (
    <div className="kiosk" lang={language.htmlLang} dir={language.dir}>
      {warning && <IdleWarning />}
      <main className="kiosk__main" key={visit}>
        {flow ? (
          <flow.Flow finish={restart} back={toWelcome} />
        ) : mode.name === 'leave' ? (
          <LeaveKiosk cancel={toWelcome} />
        ) : (
          <Welcome
            session={session}
            flows={flows}
            language={language.code}
            chooseLanguage={(code: KioskLanguage) => void i18n.changeLanguage(code)}
            start={(flowId) => setMode({ name: 'flow', flowId })}
            openFacilitator={() => setMode({ name: 'leave' })}
          />
        )}
      </main>
    </div>
  );
}

/** Shown instead of the whole app while the core says the kiosk is open. */
export function Kiosk({ status }: { status: KioskStatus }) {
  return (
    <I18nextProvider i18n={i18n}>
      {status.session ? <KioskScreens session={status.session} mode={status.mode} /> : null}
    </I18nextProvider>
  );
}
