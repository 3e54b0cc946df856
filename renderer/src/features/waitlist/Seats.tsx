import { procedures, type GroupBooking, type Roster } from '../../../../shared/contract';
import { call } from '../../api/client';
import { wholeNumber } from '../../components/draft';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useForm, type Errors } from '../../components/form';
import { plural } from '../../components/format';
import type { RosterApi } from '../today/useRoster';
import { TextField } from '../../components/fields';
import { groupSummary, placesLeftText, seatsSummary } from './words';

interface CapacityDraft {
  capacity: string;
}

/** Places already taken: booked, offered, and held for groups. Capacity cannot go below them. */
function placesTaken(counts: Roster['counts']): number {
  return counts.booked + counts.offered + counts.groupPlaces;
}

/** "Change capacity": checked as it is typed by the contract's rule, and against the places already taken. */
function CapacityForm({ api }: { api: RosterApi }) {
  const { counts } = api.roster;
  const taken = placesTaken(counts);
  const form = useForm({
    id: 'capacity',
    initial: { capacity: String(counts.capacity) },
    schema: procedures['bookings.setCapacity'].input,
    toInput: (draft: CapacityDraft) => ({ sessionId: api.sessionId, capacity: wholeNumber(draft.capacity) }),
    check: (draft: CapacityDraft): Errors => {
      const capacity = wholeNumber(draft.capacity);
      if (capacity === undefined) return { capacity: 'Enter how many places this session has.' };
      if (Number.isInteger(capacity) && capacity >= 1 && capacity < taken) {
        return { capacity: `Capacity cannot be below the ${taken} places already taken. Cancel bookings first.` };
      }
      return {};
    },
  });
  const save = form.onSubmit(async (input) => {
    const next = await call('bookings.setCapacity', input);
    api.adopt(next, `Capacity is now ${plural(next.counts.capacity, 'place')}.`);
  });
  return (
    <form className="capacity-form" noValidate onSubmit={save}>
      <ErrorSummary form={form} />
      <TextField
        form={form}
        name="capacity"
        label="Capacity"
        hint={`How many people can take part. It cannot go below the ${plural(taken, 'place')} already booked, offered or held for groups. Raising it offers the new places to people waiting, in order.`}
        inputMode="numeric"
        width="short"
      />
      <button type="submit" className="button" aria-disabled={form.saving || undefined}>
        {form.saving ? 'Saving…' : 'Change capacity'}
      </button>
    </form>
  );
}

/**
 * The session's places in plain words: "18 of 20 booked, 2 offered,
 * 5 waiting", any places held for organisations, what is left, and the
 * control to change how many places there are.
 */
export function Seats({ api, groups }: { api: RosterApi; groups: GroupBooking[] }) {
  const { counts, session } = api.roster;
  const held = groups.filter((group) => group.places > 0);
  return (
    <section className="seats" aria-labelledby="seats-heading">
      <h3 id="seats-heading">Places</h3>
      <p className="seats__summary">{seatsSummary(counts)}</p>
      {held.length > 0 && (
        <ul className="seats__groups">
          {held.map((group) => (
            <li key={group.id}>{groupSummary(group)}</li>
          ))}
        </ul>
      )}
      <p className="seats__left">{placesLeftText(counts)}</p>
      {session.status === 'scheduled' && <CapacityForm api={api} />}
    </section>
  );
}
