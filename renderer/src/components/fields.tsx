import type { ReactNode } from 'react';
import type { FormApi } from './form';

/** Names of a draft's text fields. */
export type TextKeys<D> = { [K in keyof D]-?: D[K] extends string ? K : never }[keyof D] & string;

interface FieldProps<D> {
  form: FormApi<D>;
  name: TextKeys<D>;
  label: string;
  hint?: ReactNode;
  /** Shows "(optional)" after the label. */
  optional?: boolean;
}

interface Described {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/** Label, hint and error message for one control, linked to it by id. */
function FieldShell<D>({
  form,
  name,
  label,
  hint,
  optional,
  children,
}: FieldProps<D> & { children: (described: Described) => ReactNode }) {
  const id = form.idFor(name);
  const error = form.errorFor(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> (optional)</span>}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <ErrorMessage id={errorId} message={error} />
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
    </div>
  );
}

export function ErrorMessage({ id, message }: { id: string | undefined; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field__error" id={id}>
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  );
}

type TextInputType = 'text' | 'email' | 'tel' | 'date' | 'datetime-local' | 'password';

export function TextField<D>(
  props: FieldProps<D> & {
    type?: TextInputType;
    inputMode?: 'numeric' | 'text';
    autoComplete?: string;
    width?: 'short' | 'medium' | 'full';
    maxLength?: number;
  },
) {
  const { form, name, type = 'text', inputMode, autoComplete, width = 'full', maxLength } = props;
  return (
    <FieldShell {...props}>
      {(described) => (
        <input
          {...described}
          className={`input input--${width}`}
          type={type}
          inputMode={inputMode}
          maxLength={maxLength}
          autoComplete={autoComplete ?? 'off'}
          spellCheck={type === 'text' ? undefined : false}
          value={form.draft[name] as string}
          onChange={(event) => form.set(name, event.target.value as D[typeof name])}
          onBlur={() => form.touch(name)}
        />
      )}
    </FieldShell>
  );
}

export function TextArea<D>(props: FieldProps<D> & { rows?: number }) {
  const { form, name, rows = 4 } = props;
  return (
    <FieldShell {...props}>
      {(described) => (
        <textarea
          {...described}
          className="input input--full"
          rows={rows}
          value={form.draft[name] as string}
          onChange={(event) => form.set(name, event.target.value as D[typeof name])}
          onBlur={() => form.touch(name)}
        />
      )}
    </FieldShell>
  );
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

export function SelectField<D>(props: FieldProps<D> & { choices: Choice[]; placeholder?: string }) {
  const { form, name, choices, placeholder } = props;
  return (
    <FieldShell {...props}>
      {(described) => (
        <select
          {...described}
          className="input input--medium"
          value={form.draft[name] as string}
          onChange={(event) => form.set(name, event.target.value as D[typeof name])}
          onBlur={() => form.touch(name)}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** One question with a few answers, each with its own label and optional explanation. */
export function RadioGroup<D>(props: FieldProps<D> & { choices: Choice[]; inline?: boolean }) {
  const { form, name, label, hint, choices, inline } = props;
  const id = form.idFor(name);
  const error = form.errorFor(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const selected = form.draft[name] as string;
  return (
    <fieldset
      className={error ? 'field field--error' : 'field'}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend className="field__label">{label}</legend>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <ErrorMessage id={errorId} message={error} />
      <div className={inline ? 'radios radios--inline' : 'radios'}>
        {choices.map((choice, index) => {
          // The first answer carries the field's id, so the error summary can move focus to it.
          const choiceId = index === 0 ? id : `${id}-${choice.value}`;
          return (
            <div className="radio" key={choice.value}>
              <input
                className="radio__input"
                type="radio"
                id={choiceId}
                name={id}
                value={choice.value}
                checked={selected === choice.value}
                aria-invalid={error ? true : undefined}
                aria-describedby={choice.hint ? `${choiceId}-hint` : undefined}
                onChange={() => form.set(name, choice.value as D[typeof name])}
                onBlur={(event) => {
                  // Moving between the answers is not leaving the question.
                  const next = event.relatedTarget;
                  if (!(next instanceof HTMLInputElement && next.name === id)) form.touch(name);
                }}
              />
              <label className="radio__label" htmlFor={choiceId}>
                {choice.label}
              </label>
              {choice.hint && (
                <p className="radio__hint" id={`${choiceId}-hint`}>
                  {choice.hint}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
