import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { Problem, Place } from './useRoster';

/**
 * A modal question in the browser's own <dialog>: it keeps keyboard focus
 * inside, closes with Escape, and hides the page behind it from screen
 * readers. Focus starts on the title so the question is read first, and goes
 * back to the control that opened it unless the caller moves it elsewhere.
 */
export function Dialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();

  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element.showModal();
    heading.current?.focus();
    return () => {
      // Runs before the dialog leaves the page, so focus can still be handed back.
      const focusInside = element.contains(document.activeElement) || document.activeElement === document.body;
      if (element.open) element.close();
      if (focusInside && opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: let React remove the dialog, so its state and the page agree.
        event.preventDefault();
        onClose();
      }}
    >
      <h2 className="dialog__title" id={titleId} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}

/** A refusal from the core, shown where the person acted and read out at once. */
export function ProblemNotice({ problem, place }: { problem: Problem | null; place: Place }) {
  if (!problem || problem.place !== place) return null;
  return (
    <div className="notice notice--error" role="alert">
      <p>{problem.message}</p>
    </div>
  );
}
