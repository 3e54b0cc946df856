import { useId, useState, type FormEvent } from 'react';
import type { SheetField, SheetKind } from '../../../../shared/contract';
import { Refusal } from '../sync/parts';
import { problemText } from '../sync/words';
import { fieldLabels, fieldsFor } from './columnFields';
import type { ColumnMapping as Mapping } from './rememberedMapping';

interface ColumnMappingProps {
  kind: SheetKind;
  /** Columns the core set aside, and those the office has mapped (which the core then reads, so no longer lists). */
  headers: readonly string[];
  mapping: Mapping;
  /** Previews the file again with the new mapping; a refusal it throws is shown here. */
  onPreview(mapping: Mapping): Promise<void>;
}

/**
 * One select per column Fieldbook did not recognise, to say what it holds
 * ("Workplace" is the organisation), then the preview read again with it.
 * "Not read" leaves the column out, as the core does with any column it
 * does not know.
 */
export function ColumnMapping({ kind, headers, mapping, onPreview }: ColumnMappingProps) {
  const id = useId();
  const [draft, setDraft] = useState<Mapping>(mapping);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (headers.length === 0) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    onPreview(draft)
      .catch((error: unknown) => setProblem(problemText(error, 'Nothing was imported.')))
      .finally(() => setBusy(false));
  };

  const choose = (header: string, field: string) =>
    setDraft((current) => {
      const next = { ...current };
      if (field === '') delete next[header];
      else next[header] = field as SheetField;
      return next;
    });

  return (
    <section className="sheet-preview__part" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Columns not recognised</h3>
      <p>
        These columns are not read unless you say what they hold. Fieldbook remembers your choice for the next file with the
        same column.
      </p>
      <form className="sheet-mapping" noValidate onSubmit={submit}>
        {headers.map((header, index) => {
          const selectId = `${id}-column-${index}`;
          return (
            <div className="field" key={header}>
              <label className="field__label" htmlFor={selectId}>
                Column “{header}”
              </label>
              <select
                id={selectId}
                className="input input--medium"
                value={draft[header] ?? ''}
                onChange={(event) => choose(header, event.target.value)}
              >
                <option value="">Not read</option>
                {fieldsFor(kind).map((field) => (
                  <option key={field} value={field}>
                    {fieldLabels[field]}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>
          {busy ? 'Reading…' : 'Preview again with these columns'}
        </button>
      </form>
      <Refusal message={problem} />
    </section>
  );
}
