import { useId, useState, type ReactNode } from 'react';
import { problemText } from '../features/sync/words';

interface WithId {
  id: string;
}

/**
 * "Merge these two records?": which of the two to keep (a radio for each,
 * with a hint saying what tells them apart), then Merge or Choose a
 * different record. One piece for the office's merge of two people and of
 * two organisations, so both read and behave the same. `merge` does the
 * merge and what follows it (announce, move on); if it throws, its problem
 * is shown and nothing else changes.
 */
export function MergeTwoRecords<T extends WithId>({
  records,
  heading,
  explanation,
  legend,
  label,
  hint,
  merge,
  onBack,
}: {
  records: [T, T];
  /** The heading, at the level the page needs: <h2> on its own page, <h3> inside a section. */
  heading: ReactNode;
  explanation: string;
  legend: string;
  label(record: T): string;
  hint(record: T): string;
  merge(keepId: string, otherId: string): Promise<void>;
  onBack(): void;
}) {
  const [first, second] = records;
  const [keepId, setKeepId] = useState(first.id);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const name = useId();
  const go = async () => {
    // A second press while the first is on its way does nothing.
    if (saving) return;
    setSaving(true);
    setProblem(null);
    const otherId = keepId === first.id ? second.id : first.id;
    try {
      await merge(keepId, otherId);
    } catch (error) {
      setProblem(problemText(error, 'Nothing was merged.'));
      setSaving(false);
    }
  };
  return (
    <>
      {heading}
      <p>{explanation}</p>
      {problem && (
        <div className="notice notice--error" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <fieldset className="field">
        <legend className="field__label">{legend}</legend>
        <div className="radios">
          {records.map((record) => (
            <div className="radio" key={record.id}>
              <input
                className="radio__input"
                type="radio"
                id={`keep-${record.id}`}
                name={name}
                checked={keepId === record.id}
                onChange={() => setKeepId(record.id)}
                aria-describedby={`keep-${record.id}-hint`}
              />
              <label className="radio__label" htmlFor={`keep-${record.id}`}>
                {label(record)}
              </label>
              <p className="radio__hint" id={`keep-${record.id}-hint`}>
                {hint(record)}
              </p>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="button" className="button" aria-disabled={saving || undefined} onClick={() => void go()}>
          {saving ? 'Merging…' : 'Merge these two records'}
        </button>
        <button type="button" className="button button--secondary" onClick={onBack}>
          Choose a different record
        </button>
      </div>
    </>
  );
}

/**
 * "Search for the other record by name": a search box and the records it
 * finds (this one left out), each a "Choose …" button, with a polite count
 * for screen readers and a plain line when nothing matches.
 */
export function FindOtherRecord<T extends WithId>({
  query,
  onQuery,
  found,
  noneFound,
  choice,
}: {
  query: string;
  onQuery(query: string): void;
  /** The records the search found, or null while it is being read. */
  found: T[] | null;
  noneFound: string;
  choice(record: T): ReactNode;
}) {
  const searchId = useId();
  const searched = query.trim() !== '' && found !== null;
  return (
    <>
      <div className="field field--search">
        <label className="field__label" htmlFor={searchId}>
          Search for the other record by name
        </label>
        <input id={searchId} className="input input--medium" type="search" autoComplete="off" value={query} onChange={(event) => onQuery(event.target.value)} />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {searched ? `${found.length} found.` : ''}
      </p>
      {searched && found.length === 0 && <p>{noneFound}</p>}
      {searched && found.length > 0 && <ul className="choice-list">{found.map(choice)}</ul>}
    </>
  );
}
