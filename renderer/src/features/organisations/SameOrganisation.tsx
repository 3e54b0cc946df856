import { useId, useState } from 'react';
import { sectorLabels, type Organisation } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import { problemText } from '../sync/words';

/**
 * The office's "same organisation": find the other record of this
 * organisation (those with the same name once case, accents and "Ltd" are set
 * aside are offered first), choose which name stays, and merge. The other
 * record's people move to the one kept and it points there; nothing is
 * deleted, so both histories are kept.
 */
export function SameOrganisation({ organisation, onMerged }: { organisation: Organisation; onMerged(kept: Organisation): void }) {
  const [other, setOther] = useState<Organisation | null>(null);
  return (
    <section className="same-organisation" aria-labelledby="same-organisation-heading">
      <h2 id="same-organisation-heading">Same organisation as another record?</h2>
      {other ? (
        <ConfirmMerge organisation={organisation} other={other} onBack={() => setOther(null)} onMerged={onMerged} />
      ) : (
        <ChooseOther organisation={organisation} onChoose={setOther} />
      )}
    </section>
  );
}

function ChooseOther({ organisation, onChoose }: { organisation: Organisation; onChoose(other: Organisation): void }) {
  const searchId = useId();
  const [query, setQuery] = useState('');
  const similar = useAsync(
    () => call('organisations.similar', { name: organisation.name, sector: organisation.sector, exceptId: organisation.id }),
    [organisation.id],
  );
  const found = useAsync(() => (query.trim() ? call('organisations.page', { query, pageSize: 20 }) : Promise.resolve(null)), [query]);
  const candidates = (found.data?.rows ?? []).filter((row) => row.id !== organisation.id);
  const choice = (candidate: Organisation) => (
    <li key={candidate.id}>
      <button type="button" className="button button--secondary" onClick={() => onChoose(candidate)}>
        Choose {candidate.name} <span>({sectorLabels[candidate.sector]})</span>
      </button>
    </li>
  );
  return (
    <>
      <p>If {organisation.name} was added twice, merge the two records: their people become one organisation’s staff.</p>
      {similar.data && similar.data.length > 0 && (
        <>
          <h3>Records like this one</h3>
          <ul className="choice-list">{similar.data.map(choice)}</ul>
        </>
      )}
      <div className="field field--search">
        <label className="field__label" htmlFor={searchId}>
          Search for the other record by name
        </label>
        <input id={searchId} className="input input--medium" type="search" autoComplete="off" value={query} onChange={(event) => setQuery(event.target.value)} />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {query.trim() && found.status === 'ready' ? `${candidates.length} found.` : ''}
      </p>
      {query.trim() !== '' && found.status === 'ready' && candidates.length === 0 && <p>No other organisation matches “{query.trim()}”.</p>}
      {candidates.length > 0 && <ul className="choice-list">{candidates.map(choice)}</ul>}
    </>
  );
}

function ConfirmMerge({
  organisation,
  other,
  onBack,
  onMerged,
}: {
  organisation: Organisation;
  other: Organisation;
  onBack(): void;
  onMerged(kept: Organisation): void;
}) {
  const [keepId, setKeepId] = useState(organisation.id);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const announce = useAnnounce();
  const merge = async () => {
    if (saving) return;
    setSaving(true);
    setProblem(null);
    const otherId = keepId === organisation.id ? other.id : organisation.id;
    try {
      const kept = await call('organisations.merge', { keepId, otherId });
      announce(`The two records are now one organisation, ${kept.name}. Their people are its staff; both histories are kept.`, `/organisations/${keepId}`);
      onMerged(kept);
    } catch (error) {
      setProblem(problemText(error, 'Nothing was merged.'));
      setSaving(false);
    }
  };
  return (
    <>
      <h3>Merge these two records?</h3>
      <p>They become one organisation. The people of both are its staff, and both histories are kept.</p>
      {problem && (
        <div className="notice notice--error" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <fieldset className="field">
        <legend className="field__label">Which name and sector should the organisation keep?</legend>
        <div className="radios">
          {[organisation, other].map((record) => (
            <div className="radio" key={record.id}>
              <input
                className="radio__input"
                type="radio"
                id={`keep-${record.id}`}
                name="keep"
                checked={keepId === record.id}
                onChange={() => setKeepId(record.id)}
                aria-describedby={`keep-${record.id}-hint`}
              />
              <label className="radio__label" htmlFor={`keep-${record.id}`}>
                {record.name}
              </label>
              <p className="radio__hint" id={`keep-${record.id}-hint`}>
                {sectorLabels[record.sector]}
              </p>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="button" className="button" aria-disabled={saving || undefined} onClick={() => void merge()}>
          {saving ? 'Merging…' : 'Merge these two records'}
        </button>
        <button type="button" className="button button--secondary" onClick={onBack}>
          Choose a different record
        </button>
      </div>
    </>
  );
}
