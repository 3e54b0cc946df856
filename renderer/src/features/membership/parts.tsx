import { useId, type ReactNode } from 'react';
import { localDay } from '../../components/format';

/** The device's calendar day, "2026-03-12", as date inputs read it. */
export function todayLocal(): string {
  return localDay();
}

/** One labelled control of the small forms on the membership screens. */
export function Field({ label, hint, children }: { label: string; hint?: string; children(id: string, describedBy: string | undefined): ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children(id, hint ? `${id}-hint` : undefined)}
    </div>
  );
}

/** What a refused action said, where the person is looking. */
export function Problem({ message }: { message: string | null }) {
  return message ? (
    <p className="error-message" role="alert">
      {message}
    </p>
  ) : null;
}
