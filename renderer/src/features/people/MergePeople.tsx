import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { Person } from '../../../../shared/contract';
import { call } from '../../api/client';
import { FindOtherRecord, MergeTwoRecords } from '../../components/MergeTwoRecords';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
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
  const [query, setQuery] = useState('');
  const { id: _, organisationName: __, version: ___, ...fields } = person as Person & { version?: string };
  const similar = useAsync(() => call('people.similar', { ...fields, exceptId: person.id }), [person.id]);
  const found = useAsync(() => (query.trim() ? call('people.page', { query, pageSize: 20 }) : Promise.resolve(null)), [query]);
  const candidates = found.status === 'ready' ? (found.data?.rows ?? []).filter((row) => row.id !== person.id) : null;
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
      <FindOtherRecord
        query={query}
        onQuery={setQuery}
        found={candidates}
        noneFound={`No other record matches “${query.trim()}”.`}
        choice={(candidate) => (
          <li key={candidate.id}>
            <button type="button" className="button button--secondary" onClick={() => onChoose(candidate)}>
              Choose {fullName(candidate)} <span>({describe(candidate)})</span>
            </button>
          </li>
        )}
      />
    </>
  );
}

function ConfirmMerge({ person, other, onBack }: { person: Person; other: Person; onBack(): void }) {
  const [, navigate] = useLocation();
  const announce = useAnnounce();
  return (
    <MergeTwoRecords
      records={[person, other]}
      heading={<h2>Merge these two records?</h2>}
      explanation="They become one person. Both histories are kept: every booking, sign-in, evaluation and change."
      legend="Whose details should the person keep?"
      label={fullName}
      hint={describe}
      onBack={onBack}
      merge={async (keepId, otherId) => {
        await call('people.merge', { keepId, otherId });
        announce('The two records are now one person. Both histories are kept.', `/people/${keepId}`);
        navigate(`/people/${keepId}`);
      }}
    />
  );
}
