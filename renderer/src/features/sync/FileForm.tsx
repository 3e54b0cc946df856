import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorMessage } from '../../components/fields';
import { problemText } from './words';

interface FileFormProps {
  /** "Enrolment file from the office" */
  label: string;
  hint?: ReactNode;
  multiple?: boolean;
  /** "Read the enrolment file" */
  submitLabel: string;
  /** "Reading…" */
  busyLabel: string;
  /** "Choose the enrolment file the office gave you." */
  whenEmpty: string;
  /**
   * Does the work with the files chosen. A refusal it throws is shown under
   * the form and read out at once; the chosen files stay chosen to try again.
   */
  onFiles(files: File[]): Promise<void>;
}

/**
 * Choosing a file and pressing a button, as a form: the native file input
 * (keyboard: Tab to it, Space opens the chooser) with its label and hint,
 * then the action. Nothing happens on choosing alone, so a wrong choice
 * can be changed before anything is imported.
 */
export function FileForm({ label, hint, multiple, submitLabel, busyLabel, whenEmpty, onFiles }: FileFormProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [empty, setEmpty] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = empty ? `${id}-error` : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setProblem(null);
    if (files.length === 0) {
      setEmpty(true);
      input.current?.focus();
      return;
    }
    setBusy(true);
    onFiles(files)
      .then(() => {
        setFiles([]);
        if (input.current) input.current.value = '';
      })
      .catch((error: unknown) => setProblem(problemText(error)))
      .finally(() => setBusy(false));
  };

  return (
    <form className="file-form" noValidate onSubmit={submit}>
      <div className={empty ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        {hint && (
          <p className="field__hint" id={hintId}>
            {hint}
          </p>
        )}
        <ErrorMessage id={errorId} message={empty ? whenEmpty : undefined} />
        <input
          ref={input}
          id={id}
          className="file-input"
          type="file"
          multiple={multiple}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
          aria-invalid={empty || undefined}
          onChange={(event) => {
            setFiles(Array.from(event.target.files ?? []));
            setEmpty(false);
            setProblem(null);
          }}
        />
      </div>
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? busyLabel : submitLabel}
      </button>
      {problem && (
        <div className="notice notice--error file-form__problem" role="alert">
          <p>{problem}</p>
        </div>
      )}
    </form>
  );
}
