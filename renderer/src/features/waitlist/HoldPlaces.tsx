import { procedures, type Organisation } from '../../../../shared/contract';
import { call } from '../../api/client';
import { wholeNumber } from '../../components/draft';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { useForm, type Errors } from '../../components/form';
import { plural } from '../../components/format';
import { LoadFailed, Loading } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import type { RosterApi } from '../today/useRoster';

interface HoldDraft {
  organisationId: string;
  places: string;
}

function HoldForm({ api, organisations, onHeld }: { api: RosterApi; organisations: Organisation[]; onHeld(): void }) {
  const free = api.roster.counts.seatsLeft;
  const form = useForm({
    id: 'hold',
    initial: { organisationId: '', places: '' },
    schema: procedures['bookings.bookGroup'].input,
    toInput: (draft: HoldDraft) => ({
      sessionId: api.sessionId,
      organisationId: draft.organisationId || undefined,
      places: wholeNumber(draft.places),
    }),
    check: (draft: HoldDraft): Errors => {
      const errors: Errors = {};
      if (!draft.organisationId) errors.organisationId = 'Choose the organisation to hold places for.';
      const places = wholeNumber(draft.places);
      if (places === undefined) errors.places = 'Enter how many places to hold.';
      else if (Number.isInteger(places) && places > free) {
        errors.places = free === 0 ? 'There are no free places to hold.' : `Only ${plural(free, 'place is', 'places are')} free.`;
      }
      return errors;
    },
  });
  const save = form.onSubmit(async (input) => {
    const next = await call('bookings.bookGroup', input);
    const organisation = organisations.find((candidate) => candidate.id === input.organisationId);
    api.adopt(next, `${plural(input.places, 'place')} held for ${organisation?.name ?? 'the organisation'}.`);
    onHeld();
  });
  return (
    <form className="record-form" noValidate onSubmit={save}>
      <ErrorSummary form={form} />
      <SelectField
        form={form}
        name="organisationId"
        label="Organisation to hold places for"
        placeholder="Choose an organisation"
        choices={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
      />
      <TextField
        form={form}
        name="places"
        label="Places to hold"
        hint={`For staff named now or later. ${free === 0 ? 'No places are free.' : `${plural(free, 'place is', 'places are')} free.`}`}
        inputMode="numeric"
        width="short"
      />
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={form.saving || undefined}>
          {form.saving ? 'Holding…' : 'Hold places'}
        </button>
      </div>
    </form>
  );
}

/** "Hold places for an organisation": a number of places kept for its staff, to be named later. */
export function HoldPlaces({ api, onHeld }: { api: RosterApi; onHeld(): void }) {
  const organisations = useAsync(() => call('organisations.list', { query: '', limit: 500 }), []);
  return (
    <div className="hold-places">
      <h4>Hold places for an organisation</h4>
      {organisations.status === 'loading' && <Loading what="organisations" />}
      {organisations.status === 'failed' && <LoadFailed message={organisations.message} />}
      {organisations.status === 'ready' && <HoldForm api={api} organisations={organisations.data} onHeld={onHeld} />}
    </div>
  );
}
