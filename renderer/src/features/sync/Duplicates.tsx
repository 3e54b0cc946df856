import { useState } from 'react';
import { z } from 'zod';
import type { DuplicateCandidate } from '../../../../shared/contract';
import { RadioGroup } from '../../components/fields';
import { useForm } from '../../components/form';
import { plural } from '../../components/format';
import { DownloadButtons } from '../exports/DownloadButtons';
import { Dialog } from '../today/Dialog';
import { Refusal } from './parts';
import { problemAt, type ActionApi } from './useAction';
import { capitalised } from './words';

type Person = DuplicateCandidate['first'];

export function pairKey(candidate: DuplicateCandidate): string {
  return `${candidate.first.id}:${candidate.second.id}`;
}

function personLine(person: Person, withDevice = true): string {
  return [person.email, person.organisationName ?? 'No organisation', withDevice ? `added on ${person.addedBy}` : '', plural(person.sessions, 'session')]
    .filter(Boolean)
    .join(' · ');
}

/** "Femi Adeyemi and Femi Adeyemi" reads as a typo: two records of one name are said once. */
export function pairName(candidate: DuplicateCandidate): string {
  const { first, second } = candidate;
  return first.name === second.name ? `the two records of ${first.name}` : `${first.name} and ${second.name}`;
}

const KeepFields = z.strictObject({ keepId: z.string().min(1, { error: 'Choose whose details to keep.' }) });

/** Merging asks whose details stay; both people's sessions and sign-ins are kept either way. */
function MergeDialog({
  candidate,
  onMerge,
  onCancel,
}: {
  candidate: DuplicateCandidate;
  onMerge(keep: Person, other: Person): Promise<void>;
  onCancel(): void;
}) {
  const { first, second } = candidate;
  const form = useForm({
    id: 'merge',
    initial: { keepId: first.id },
    schema: KeepFields,
    toInput: (draft: { keepId: string }) => draft,
  });
  const submit = form.onSubmit(async ({ keepId }) => {
    const [keep, other] = keepId === first.id ? [first, second] : [second, first];
    await onMerge(keep, other);
  });
  return (
    <Dialog title={`Merge ${pairName(candidate)}?`} onClose={onCancel}>
      <form noValidate onSubmit={submit}>
        <p>They become one person. Both histories are kept: every booking, sign-in and evaluation.</p>
        <RadioGroup
          form={form}
          name="keepId"
          label="Whose details should the merged person have?"
          choices={[first, second].map((person) => ({
            value: person.id,
            label: `${person.name}, added on ${person.addedBy}`,
            hint: personLine(person, false),
          }))}
        />
        {form.summary.length > 0 && <Refusal message={form.summary.map((item) => item.message).join(' ')} />}
        <div className="dialog__actions">
          <button type="submit" className="button" aria-disabled={form.saving || undefined}>
            {form.saving ? 'Merging…' : 'Merge'}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Two people added on different laptops who may be the same person. */
export function Duplicates({
  candidates,
  action,
  onResolve,
}: {
  candidates: DuplicateCandidate[];
  action: ActionApi;
  onResolve(candidate: DuplicateCandidate, keep: Person, other: Person, how: 'merge' | 'keep_apart'): Promise<boolean>;
}) {
  const [merging, setMerging] = useState<DuplicateCandidate | null>(null);
  return (
    <section className="sync-section" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading" tabIndex={-1}>
        Possibly the same person
      </h2>
      {candidates.length === 0 ? (
        <p className="empty">No possible duplicates.</p>
      ) : (
        <>
          <p>People added on different laptops who look alike, for example two walk-ins with the same name. Merge them, or keep them apart.</p>
          <DownloadButtons request={{ list: 'duplicates' }} what="the possible duplicates" />
          <ul className="duplicates" data-list="duplicates" aria-label="Possible duplicates">
            {candidates.map((candidate) => {
              const key = pairKey(candidate);
              const headingId = `duplicate-${key.replace(':', '-')}`;
              const { first, second } = candidate;
              return (
                <li key={key} className="duplicate" aria-labelledby={headingId} data-pair={key}>
                  <h3 id={headingId} className="duplicate__title">
                    {capitalised(pairName(candidate))}
                  </h3>
                  <p className="duplicate__reason">{candidate.reason}</p>
                  <ul className="duplicate__people">
                    {[first, second].map((person) => (
                      <li key={person.id}>
                        <span className="duplicate__name">{person.name}</span>
                        <span className="duplicate__line">{personLine(person)}</span>
                      </li>
                    ))}
                  </ul>
                  <div className="button-row">
                    <button type="button" className="button" aria-disabled={action.busy || undefined} onClick={() => setMerging(candidate)}>
                      Merge<span className="visually-hidden"> {pairName(candidate)}</span>
                    </button>
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-disabled={action.busy || undefined}
                      onClick={() => void onResolve(candidate, first, second, 'keep_apart')}
                    >
                      Keep apart<span className="visually-hidden"> {pairName(candidate)}</span>
                    </button>
                  </div>
                  <Refusal message={problemAt(action, key)} />
                </li>
              );
            })}
          </ul>
        </>
      )}
      {merging && (
        <MergeDialog
          candidate={merging}
          onCancel={() => setMerging(null)}
          onMerge={async (keep, other) => {
            setMerging(null);
            await onResolve(merging, keep, other, 'merge');
          }}
        />
      )}
    </section>
  );
}
