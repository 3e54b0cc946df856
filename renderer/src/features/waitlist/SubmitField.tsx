import { ErrorMessage, type TextKeys } from '../../components/fields';
import type { FormApi } from '../../components/form';

/**
 * A text box just above its form's button (a reason, a capacity, a number of
 * places). Its error shows once the button is pressed, not on leaving the
 * box: an error appearing on blur would push the button down under the
 * pointer mid-click, and the click would miss. Otherwise as the shared
 * TextField: label, hint and error linked to the box.
 */
export function SubmitField<D>({
  form,
  name,
  label,
  hint,
  numeric,
}: {
  form: FormApi<D>;
  name: TextKeys<D>;
  label: string;
  hint?: string;
  /** A whole number: the short box and the number keypad on touch screens. */
  numeric?: boolean;
}) {
  const id = form.idFor(name);
  // The touch key is never touched, so only a submit (or the core's answer) shows the error.
  const error = form.errorFor(name, `${name}:after-submit`);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <ErrorMessage id={error ? `${id}-error` : undefined} message={error} />
      <input
        id={id}
        className={numeric ? 'input input--short' : 'input input--full'}
        type="text"
        inputMode={numeric ? 'numeric' : undefined}
        autoComplete="off"
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        value={form.draft[name] as string}
        onChange={(event) => form.set(name, event.target.value as D[typeof name])}
      />
    </div>
  );
}
