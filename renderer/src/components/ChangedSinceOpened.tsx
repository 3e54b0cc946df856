import { useEffect, useRef } from 'react';
import type { ChangedChoice, FormApi } from './form';

/**
 * Someone else saved this record since it was opened, so this save was
 * refused and nothing was saved. Their values and these are shown side by
 * side, field by field where they differ, and the person chooses: save
 * theirs over with these, take the newer values, or go back to the form
 * (with these values still in it) to combine the two. Nobody's work is lost
 * without being seen. Focus moves here, as it does to an error summary.
 */
export function ChangedSinceOpened<D>({ form }: { form: FormApi<D> }) {
  const panel = useRef<HTMLDivElement>(null);
  const changed = form.changed;
  useEffect(() => {
    if (changed) panel.current?.focus();
  }, [changed]);
  if (!changed || !form.describe) return null;

  const theirs = form.describe(changed.theirs);
  const yours = form.describe(form.draft);
  const rows = theirs
    .map((line, index) => ({ label: line.label, theirs: line.value, yours: yours[index]?.value ?? '' }))
    .filter((row) => row.theirs !== row.yours);
  const choose = (choice: ChangedChoice) => () => form.resolveChanged(choice);

  return (
    <div className="changed-since-opened" ref={panel} tabIndex={-1} role="alert" aria-labelledby="changed-since-opened-title">
      <h2 className="changed-since-opened__title" id="changed-since-opened-title">
        Someone else changed this since you opened it
      </h2>
      <p>{changed.message}</p>
      {rows.length === 0 ? (
        <p>Their values are the same as yours in every field on this form.</p>
      ) : (
        <table className="table changed-since-opened__table">
          <caption className="visually-hidden">Their values and yours</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Newer values (saved)</th>
              <th scope="col">Your values (not saved)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td data-label="Newer values (saved)" className="pre-line">{row.theirs}</td>
                <td data-label="Your values (not saved)" className="pre-line">{row.yours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={choose('save-mine')} aria-disabled={form.saving || undefined}>
          Save my values
        </button>
        <button type="button" className="button button--secondary" onClick={choose('take-theirs')}>
          Take the newer values
        </button>
        <button type="button" className="button button--secondary" onClick={choose('edit-again')}>
          Edit again
        </button>
      </div>
    </div>
  );
}
