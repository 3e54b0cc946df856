import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idleMs, idleWarningMs } from './timing';

/**
 * Starts the kiosk again after a while with no input, so the next person never
 * sees the last one's name or answers. Any key, click, touch or scroll counts
 * as input and restarts the wait. Shortly before the end a warning offers more
 * time (WCAG 2.2.1), since reading the consent text can take a while.
 */
export function useIdleRestart(enabled: boolean, restart: () => void): boolean {
  const [warning, setWarning] = useState(false);

  useEffect(() => {
    if (!enabled) return;
    const idle = idleMs();
    let warn: number | undefined;
    let end: number | undefined;
    let warned = false;
    const schedule = (event?: Event) => {
      // The key that answers the warning only answers it: once the warning goes, focus returns to
      // the screen, and an Enter reaching a form there would submit it (or sign someone in).
      if (warned && event?.type === 'keydown') {
        event.preventDefault();
        event.stopPropagation();
      }
      window.clearTimeout(warn);
      window.clearTimeout(end);
      warned = false;
      setWarning(false);
      warn = window.setTimeout(() => {
        warned = true;
        setWarning(true);
      }, idle - idleWarningMs(idle));
      end = window.setTimeout(restart, idle);
    };
    const events = ['keydown', 'pointerdown', 'input', 'wheel', 'touchstart', 'scroll'] as const;
    // Capture: a screen that stops a key's propagation still counts as input.
    for (const name of events) document.addEventListener(name, schedule, { capture: true });
    schedule();
    return () => {
      window.clearTimeout(warn);
      window.clearTimeout(end);
      setWarning(false);
      for (const name of events) document.removeEventListener(name, schedule, { capture: true });
    };
  }, [enabled, restart]);

  return enabled && warning;
}

/**
 * "Are you still there?" Focus goes to its button, and back to where it was
 * once the person answers: any key, click or touch is an answer and hides it.
 */
export function IdleWarning() {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    button.current?.focus();
    return () => {
      if (before?.isConnected && (document.activeElement === document.body || !document.activeElement)) before.focus();
    };
  }, []);

  return (
    <div className="kiosk-idle" role="alertdialog" aria-labelledby="kiosk-idle-title" aria-describedby="kiosk-idle-text">
      <h2 id="kiosk-idle-title" className="kiosk-idle__title">
        {t('kiosk.idle.title')}
      </h2>
      <p id="kiosk-idle-text">{t('kiosk.idle.text')}</p>
      <button type="button" className="kiosk-button kiosk-button--primary" ref={button}>
        {t('kiosk.idle.stay')}
      </button>
    </div>
  );
}
