import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { GroupBooking } from '../../../../shared/contract';
import { call } from '../../api/client';
import { plural } from '../../components/format';
import { LoadFailed } from '../../components/Page';
import { useAsync, type AsyncState } from '../../components/useAsync';
import type { RosterApi } from '../today/useRoster';
import { HoldPlaces } from './HoldPlaces';
import { NameInGroup } from './NameInGroup';

/** The session's group bookings, read again after every change on the screen. */
export function useGroups(api: RosterApi): AsyncState<GroupBooking[]> {
  return useAsync(() => call('bookings.groups', { sessionId: api.sessionId }), [api.sessionId, api.version]);
}

function GroupItem({
  group,
  canChange,
  naming,
  onName,
}: {
  group: GroupBooking;
  canChange: boolean;
  /** The search for naming someone, while it is open for this group. */
  naming: ReactNode;
  onName(): void;
}) {
  const unnamed = Math.max(0, group.places - group.named.length);
  return (
    <li className="group-item" data-group-id={group.id}>
      <h4 className="group-item__title" tabIndex={-1}>
        {group.organisationName}
      </h4>
      <p>
        {plural(group.places, 'place')} held: {group.named.length} named, {unnamed} not named yet.
      </p>
      {group.named.length > 0 && (
        <ul className="group-item__named" aria-label={`Named in places held for ${group.organisationName}`}>
          {group.named.map((person) => (
            <li key={person.personId}>{person.name}</li>
          ))}
        </ul>
      )}
      {naming}
      {canChange && unnamed > 0 && !naming && (
        <button type="button" className="button button--secondary" data-action="name" onClick={onName}>
          Name a person in a group place<span className="visually-hidden"> for {group.organisationName}</span>
        </button>
      )}
    </li>
  );
}

/**
 * Organisations holding places for their staff: how many, and who is named
 * so far. Places not yet named count against capacity until they are named
 * or released on the day.
 */
export function Groups({ api, groups }: { api: RosterApi; groups: AsyncState<GroupBooking[]> }) {
  const [naming, setNaming] = useState<string | null>(null);
  const [holdForms, setHoldForms] = useState(0);
  const [focusGroup, setFocusGroup] = useState<{ id: string; on: 'name' | 'title' } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const canChange = api.roster.session.status === 'scheduled';
  const items = groups.data ?? [];

  // Closing the search goes back to its button; after naming someone, to the group's name (its button may go).
  useEffect(() => {
    if (!focusGroup) return;
    const item = list.current?.querySelector<HTMLElement>(`[data-group-id="${focusGroup.id}"]`);
    const target = focusGroup.on === 'name' ? item?.querySelector<HTMLElement>('[data-action="name"]') : null;
    (target ?? item?.querySelector<HTMLElement>('h4') ?? heading.current)?.focus();
  }, [focusGroup]);

  const closeSearch = (groupId: string, on: 'name' | 'title') => {
    setNaming(null);
    setFocusGroup({ id: groupId, on });
  };

  return (
    <section className="groups" aria-labelledby="groups-heading">
      <h3 id="groups-heading" ref={heading} tabIndex={-1}>
        Group bookings
      </h3>
      <p>An organisation can hold places for its staff and name them later. Places not named yet still count as taken.</p>
      {groups.status === 'failed' && <LoadFailed message={groups.message} />}
      {groups.data !== undefined && items.length === 0 && <p className="empty">No places are held for organisations.</p>}
      {items.length > 0 && (
        <ul className="group-items" ref={list}>
          {items.map((group) => (
            <GroupItem
              key={group.id}
              group={group}
              canChange={canChange}
              naming={
                naming === group.id && (
                  <NameInGroup
                    api={api}
                    group={group}
                    onDone={() => closeSearch(group.id, 'title')}
                    onCancel={() => closeSearch(group.id, 'name')}
                  />
                )
              }
              onName={() => setNaming(group.id)}
            />
          ))}
        </ul>
      )}
      {canChange && (
        <HoldPlaces
          key={holdForms}
          api={api}
          onHeld={() => {
            setHoldForms((count) => count + 1);
            heading.current?.focus();
          }}
        />
      )}
    </section>
  );
}
