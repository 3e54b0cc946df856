import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';

/** The screen whose heading last took focus; null until the first screen is shown. */
let lastScreen: string | null = null;

/**
 * One screen: sets the window title and, when the person arrives from another
 * screen, moves focus to the heading so a screen reader starts reading there.
 */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [location] = useLocation();

  useEffect(() => {
    document.title = `${title} – Fieldbook`;
  }, [title]);

  useEffect(() => {
    if (lastScreen !== null && lastScreen !== location) heading.current?.focus();
    lastScreen = location;
  }, [location]);

  return (
    <>
      <div className="page-heading">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="page-heading__actions">{actions}</div>}
      </div>
      {children}
    </>
  );
}

/** A link that looks like a button, for moving to another screen ("New course"). */
export function ButtonLink({ href, children, secondary }: { href: string; children: ReactNode; secondary?: boolean }) {
  return (
    <Link href={href} className={secondary ? 'button button--secondary' : 'button'}>
      {children}
    </Link>
  );
}

/** What a screen shows while it waits, or when loading failed. */
export function Loading({ what }: { what: string }) {
  return <p className="loading">Loading {what}…</p>;
}

export function LoadFailed({ message }: { message: string }) {
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
    </div>
  );
}
