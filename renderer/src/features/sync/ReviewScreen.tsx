import { useEffect, useState } from 'react';
import type { Conflict, DuplicateCandidate } from '../../../../shared/contract';
import { call } from '../../api/client';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import '../../styles/today.css';
import '../../styles/sync.css';
import { CapacityFlags } from './CapacityFlags';
import { Conflicts } from './Conflicts';
import { Duplicates, pairKey, pairName } from './Duplicates';
import { ForRole } from './ForRole';
import { useAction } from './useAction';
import { capitalised, fieldText } from './words';

/** After an item is dealt with it leaves its list: focus goes to the next one there, or the list's heading. */
interface FocusRequest {
  list: 'conflicts' | 'duplicates';
  /** The conflict's id or the pair's key: focus moves once it has left the list. */
  key: string;
  index: number;
}

function Review() {
  const [version, setVersion] = useState(0);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const reload = () => setVersion((count) => count + 1);
  const action = useAction(reload);
  const state = useAsync(async () => {
    const [conflicts, flags, duplicates] = await Promise.all([
      call('sync.conflicts', {}),
      call('sync.capacityFlags', {}),
      call('sync.duplicates', {}),
    ]);
    return { conflicts, flags, duplicates };
  }, [version]);

  useEffect(() => {
    if (!focusRequest || state.status !== 'ready') return;
    // Wait for the list read after the change, in which the item dealt with has left the list.
    const stillListed =
      focusRequest.list === 'conflicts'
        ? state.data.conflicts.some((conflict) => conflict.id === focusRequest.key && conflict.status === 'open')
        : state.data.duplicates.some((candidate) => pairKey(candidate) === focusRequest.key);
    if (stillListed) return;
    const items = document.querySelectorAll<HTMLElement>(`[data-list="${focusRequest.list}"] > li`);
    const next = items[Math.min(focusRequest.index, items.length - 1)];
    const heading = document.getElementById(`${focusRequest.list}-heading`);
    const target = next?.querySelector<HTMLElement>('button') ?? heading;
    target?.focus();
    setFocusRequest(null);
  }, [focusRequest, state]);

  const resolveConflict = (conflict: Conflict, how: 'accept' | 'reverse') => {
    const index = state.data?.conflicts.filter((item) => item.status === 'open').indexOf(conflict) ?? 0;
    void action
      .run(
        conflict.id,
        () => call('sync.resolveConflict', { id: conflict.id, action: how }),
        () =>
          how === 'accept'
            ? `Kept the merged ${fieldText(conflict.field).toLowerCase()} of ${conflict.record}.`
            : `Restored the overwritten ${fieldText(conflict.field).toLowerCase()} of ${conflict.record}.`,
      )
      .then((done) => done && setFocusRequest({ list: 'conflicts', key: conflict.id, index }));
  };

  const resolveDuplicate = async (
    candidate: DuplicateCandidate,
    keep: DuplicateCandidate['first'],
    other: DuplicateCandidate['first'],
    how: 'merge' | 'keep_apart',
  ) => {
    const index = state.data?.duplicates.indexOf(candidate) ?? 0;
    const done = await action.run(
      pairKey(candidate),
      () => call('sync.resolveDuplicate', { keepId: keep.id, otherId: other.id, action: how }),
      () => {
        const who = capitalised(pairName(candidate));
        return how === 'merge' ? `${who} are now one person, with ${keep.addedBy}'s details.` : `${who} are kept apart.`;
      },
    );
    if (done) setFocusRequest({ list: 'duplicates', key: pairKey(candidate), index });
    return done !== undefined;
  };

  if (state.data === undefined) {
    return state.status === 'failed' ? <LoadFailed message={state.message} /> : <Loading what="what the merge found" />;
  }
  return (
    <>
      {state.status === 'failed' && <LoadFailed message={state.message} />}
      <Conflicts conflicts={state.data.conflicts} action={action} onResolve={resolveConflict} />
      <CapacityFlags flags={state.data.flags} />
      <Duplicates candidates={state.data.duplicates} action={action} onResolve={resolveDuplicate} />
    </>
  );
}

/** What the office checks after merging: values changed in two places, full sessions, and people who may be one. */
export function ReviewScreen() {
  return (
    <ForRole role="office" title="Review">
      <Page title="Review">
        <p className="lead">What merging the laptops' files turned up, for a person to decide.</p>
        <Review />
      </Page>
    </ForRole>
  );
}
