import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One kiosk screen: one heading and one thing to do. The heading takes focus
 * when the screen appears, so keyboard and screen-reader users start at the
 * top of the new screen, not on a button that has gone.
 */
export function KioskScreen({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();

  useEffect(() => {
    heading.current?.focus();
  }, []);

  useEffect(() => {
    document.title = t('kiosk.windowTitle', { screen: title });
  }, [t, title]);

  return (
    <section className={className ? `kiosk-screen ${className}` : 'kiosk-screen'} aria-labelledby="kiosk-screen-title">
      <h1 id="kiosk-screen-title" className="kiosk-screen__title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}

type Kind = 'primary' | 'secondary' | 'quiet';

/** A big button. `busy` keeps it focusable but stops a second press while a call is under way. */
export function KioskButton({
  kind = 'primary',
  busy,
  children,
  onClick,
  type = 'button',
}: {
  kind?: Kind;
  busy?: boolean;
  children: ReactNode;
  onClick?(): void;
  type?: 'button' | 'submit';
}) {
  return (
    <button
      type={type}
      className={`kiosk-button kiosk-button--${kind}`}
      aria-disabled={busy ? true : undefined}
      onClick={(event) => {
        if (busy) {
          event.preventDefault();
          return;
        }
        onClick?.();
      }}
    >
      {children}
    </button>
  );
}

/** The row of choices at the foot of a screen: main action first (start side), going back after it. */
export function KioskActions({ children }: { children: ReactNode }) {
  return <div className="kiosk-actions">{children}</div>;
}

/** A message that matters right now (an error, a refusal), read out when it appears. */
export function KioskAlert({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p className="kiosk-alert" role="alert" id={id}>
      {children}
    </p>
  );
}
