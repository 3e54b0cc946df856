import { useId, useRef, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/fields';
import { Refusal } from '../sync/parts';
import { problemText } from '../sync/words';

interface ImportStepProps {
  /** Courses the file names that Fieldbook does not have; importing adds them. */
  newCourses: readonly string[];
  /** Imports, with the new courses the office confirmed (all of them, once ticked). */
  onImport(confirmedCourses: string[]): Promise<void>;
}

/**
 * The one action that writes. A misspelt course in a sheet would become a
 * course of its own, so when the preview lists new courses the office ticks
 * that it means to create them; the button stays pressable and says why
 * when they have not, rather than going grey without a reason.
 */
export function ImportStep({ newCourses, onImport }: ImportStepProps) {
  const id = useId();
  const box = useRef<HTMLInputElement>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const needsConfirming = newCourses.length > 0;
  const errorId = unconfirmed ? `${id}-error` : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setProblem(null);
    if (needsConfirming && !confirmed) {
      setUnconfirmed(true);
      box.current?.focus();
      return;
    }
    setBusy(true);
    onImport(confirmed ? [...newCourses] : [])
      .catch((error: unknown) => setProblem(problemText(error, 'Nothing was imported.')))
      .finally(() => setBusy(false));
  };

  return (
    <form className="sheet-import" noValidate onSubmit={submit}>
      {needsConfirming && (
        <div className={unconfirmed ? 'field field--error' : 'field'}>
          <ErrorMessage id={errorId} message={unconfirmed ? 'Tick this to create the new courses, or correct their names in the file.' : undefined} />
          <div className="checkbox">
            <input
              ref={box}
              id={id}
              className="checkbox__input"
              type="checkbox"
              checked={confirmed}
              aria-describedby={errorId}
              aria-invalid={unconfirmed || undefined}
              onChange={(event) => {
                setConfirmed(event.target.checked);
                if (event.target.checked) setUnconfirmed(false);
              }}
            />
            <label className="checkbox__label" htmlFor={id}>
              Create these courses: {newCourses.join(', ')}
            </label>
          </div>
        </div>
      )}
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? 'Importing…' : 'Import'}
      </button>
      <Refusal message={problem} />
    </form>
  );
}
