import { useState } from 'react';
import { sectorLabels, type Organisation } from '../../../../shared/contract';
import { call } from '../../api/client';
import { FindOtherRecord, MergeTwoRecords } from '../../components/MergeTwoRecords';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';

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
  const [query, setQuery] = useState('');
  const similar = useAsync(
    () => call('organisations.similar', { name: organisation.name, sector: organisation.sector, exceptId: organisation.id }),
    [organisation.id],
  );
  const found = useAsync(() => (query.trim() ? call('organisations.page', { query, pageSize: 20 }) : Promise.resolve(null)), [query]);
  const candidates = found.status === 'ready' ? (found.data?.rows ?? []).filter((row) => row.id !== organisation.id) : null;
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
      <FindOtherRecord query={query} onQuery={setQuery} found={candidates} noneFound={`No other organisation matches “${query.trim()}”.`} choice={choice} />
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
  const announce = useAnnounce();
  return (
    <MergeTwoRecords
      records={[organisation, other]}
      heading={<h3>Merge these two records?</h3>}
      explanation="They become one organisation. The people of both are its staff, and both histories are kept."
      legend="Which name and sector should the organisation keep?"
      label={(record) => record.name}
      hint={(record) => sectorLabels[record.sector]}
      onBack={onBack}
      merge={async (keepId, otherId) => {
        const kept = await call('organisations.merge', { keepId, otherId });
        announce(`The two records are now one organisation, ${kept.name}. Their people are its staff; both histories are kept.`, `/organisations/${keepId}`);
        onMerged(kept);
      }}
    />
  );
}
