import { useId, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { Person } from '../../../../shared/contract';
import { call } from '../../api/client';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import { problemText } from '../sync/words';
import { fullName } from './PersonList';

const describe = (person: Person) => [person.email ?? 'No email', person.organisationName ?? 'No organisation'].join(' · ');

/**
 * The office's "these two records are one person": find the other record
 * (those most like this one are offered first), choose whose details stay,
 * and merge. It is the same merge as two laptops' duplicates get in Review:
 * the other record points at the one kept and nothing is deleted, so every
 * booking, sign-in, evaluation and change of both is kept.
 */
export function MergePeople({ id }: { id: string }) {
  const person = useAsync(() => call('people.get', { id }), [id]);
  const [other, setOther] = useState<Person | null>(null);
  if (person.status === 'failed') return <Page title="Merge records"><LoadFailed message={person.message} /></Page>;
  if (!person.data) return <Page title="Merge records"><Loading what="the person" /></Page>;
  return (
    <Page title={`Merge ${fullName(person.data)} with another record`}>
      <p>
        <Link href={`/people/${id}`}>Back to their page</Link>
      </p>
      {other ? <ConfirmMerge person={person.data} other={other} onBack={() => setOther(null)} /> : <ChooseOther person={person.data} onChoose={setOther} />}
    </Page>
  );
}

function ChooseOther({ person, onChoose }: { person: Person; onChoose(other: Person): void }) {
  const searchId = useId();
  const [query, setQuery] = useState('');
  const { id: _, organisationName: __, ...fields } = person;
  const similar = useAsync(() => call('people.similar', { ...fields, exceptId: person.id }), [person.id]);
  const found = useAsync(() => (query.trim() ? call('people.page', { query, pageSize: 20 }) : Promise.resolve(null)), [query]);
  const candidates = (found.data?.rows ?? []).filter((row) => row.id !== person.id);
  return (
    <>
      <h2>Which record is the same person?</h2>
      {similar.data && similar.data.length > 0 && (
        <>
          <h3>Records like this one</h3>
          <ul className="choice-list">
            {similar.data.map((match) => (
              <li key={match.personId}>
                <button type="button" className="button button--secondary" onClick={() => void call('people.get', { id: match.personId }).then(onChoose)}>
                  Choose {match.name}
                  {match.organisationName && <span> ({match.organisationName})</span>}
                </button>
              </li>
            ))}
          </ul>
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
      {query.trim() !== '' && found.status === 'ready' && candidates.length === 0 && <p>No other record matches “{query.trim()}”.</p>}
      {candidates.length > 0 && (
        <ul className="choice-list">
          {candidates.map((candidate) => (
            <li key={candidate.id}>
              <button type="button" className="button button--secondary" onClick={() => onChoose(candidate)}>
                Choose {fullName(candidate)} <span>({describe(candidate)})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ConfirmMerge({ person, other, onBack }: { person: Person; other: Person; onBack(): void }) {
  const [keepId, setKeepId] = useState(person.id);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [, navigate] = useLocation();
  const announce = useAnnounce();
  const merge = async () => {
    if (saving) return;
    setSaving(true);
    setProblem(null);
    const otherId = keepId === person.id ? other.id : person.id;
    try {
      await call('people.merge', { keepId, otherId });
      announce('The two records are now one person. Both histories are kept.', `/people/${keepId}`);
      navigate(`/people/${keepId}`);
    } catch (error) {
      setProblem(problemText(error, 'Nothing was merged.'));
      setSaving(false);
    }
  };
  return (
    <>
      <h2>Merge these two records?</h2>
      <p>They become one person. Both histories are kept: every booking, sign-in, evaluation and change.</p>
      {problem && (
        <div className="notice notice--error" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <fieldset className="field">
        <legend className="field__label">Whose details should the person keep?</legend>
        <div className="radios">
          {[person, other].map((record) => (
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
                {fullName(record)}
              </label>
              <p className="radio__hint" id={`keep-${record.id}-hint`}>
                {describe(record)}
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
