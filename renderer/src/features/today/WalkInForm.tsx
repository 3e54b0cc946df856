import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import {
  OrganisationFields,
  PersonFields,
  sectorLabels,
  sectors,
  type Organisation,
  type Sector,
} from '../../../../shared/contract';
import { fieldErrors } from '../../../../shared/validation';
import { ApiError, call } from '../../api/client';
import { blankToNull } from '../../components/draft';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroup, SelectField, TextField } from '../../components/fields';
import { useForm, type Errors } from '../../components/form';
import { LoadFailed, Loading } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import type { WalkInStart } from './FindPerson';
import { SimilarPeople, type Lookalike } from './SimilarPeople';
import type { RosterApi } from './useRoster';
import { outcomeText } from './words';

/** The organisation choice for someone whose employer is not on the list yet; never an organisation's id. */
const ANOTHER = 'another';

interface WalkInDraft {
  givenName: string;
  familyName: string;
  organisationId: string;
  newOrganisationName: string;
  newOrganisationSector: string;
  email: string;
}

const toInput = (draft: WalkInDraft) => ({
  givenName: draft.givenName,
  familyName: draft.familyName,
  email: blankToNull(draft.email),
  organisationId: draft.organisationId === ANOTHER ? null : blankToNull(draft.organisationId),
});

/** A new organisation is checked with the contract's own rules, under this form's field names. */
const check = (draft: WalkInDraft): Errors => {
  if (draft.organisationId !== ANOTHER) return {};
  const errors = fieldErrors(OrganisationFields, {
    name: draft.newOrganisationName,
    sector: draft.newOrganisationSector || undefined,
  });
  const mapped: Errors = {};
  if (errors.name) mapped.newOrganisationName = errors.name;
  if (errors.sector) mapped.newOrganisationSector = errors.sector;
  return mapped;
};

/** The core names walk-in fields "person.givenName" and "newOrganisation.name"; the form names them flat. */
function asFormError(error: unknown): never {
  if (!(error instanceof ApiError)) throw error;
  const fields = Object.fromEntries(
    Object.entries(error.fields).map(([path, message]) => [
      path.replace(/^person\./, '').replace(/^newOrganisation\.(\w)/, (_, first: string) => `newOrganisation${first.toUpperCase()}`),
      message,
    ]),
  );
  throw new ApiError({ code: error.code, message: error.message, fields });
}

const sectorChoices = sectors.map((sector) => ({ value: sector, label: sectorLabels[sector] }));

function WalkInFields({
  api,
  start,
  organisations,
  onDone,
  onCancel,
}: {
  api: RosterApi;
  start: WalkInStart;
  organisations: Organisation[];
  onDone(): void;
  onCancel(): void;
}) {
  const form = useForm({
    id: 'walk-in',
    initial: { ...start, organisationId: '', newOrganisationName: '', newOrganisationSector: '', email: '' },
    schema: PersonFields,
    toInput,
    check,
  });
  const [lookalikes, setLookalikes] = useState<Lookalike[]>([]);
  // Set by "Add as a new person anyway", read once by the submit it triggers.
  const confirmedNew = useRef(false);
  const { draft } = form;

  // The warning is about the details as they were; once they change it no longer applies.
  useEffect(() => setLookalikes([]), [draft]);

  // Opening the form starts the typing where the details go.
  useEffect(() => {
    document.getElementById(form.idFor(start.givenName ? 'familyName' : 'givenName'))?.focus();
    // Only when the form first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const save = async (person: z.output<typeof PersonFields>) => {
    const confirmed = confirmedNew.current;
    confirmedNew.current = false;
    if (!confirmed) {
      const similar = await call('signIn.similarPeople', {
        givenName: person.givenName,
        familyName: person.familyName,
        email: person.email,
        organisationId: person.organisationId,
      });
      if (similar.length > 0) return setLookalikes(similar);
    }
    const newOrganisation =
      draft.organisationId === ANOTHER
        ? { name: draft.newOrganisationName, sector: draft.newOrganisationSector as Sector }
        : null;
    const roster = await call('signIn.addWalkIn', {
      sessionId: api.sessionId,
      person,
      newOrganisation,
      confirmedNew: confirmed,
    }).catch(asFormError);
    // The new person is the one entry the roster did not have before.
    const known = new Set(api.roster.entries.map((entry) => entry.personId));
    const added = roster.entries.find((entry) => !known.has(entry.personId));
    const name = `${person.givenName} ${person.familyName}`;
    api.adopt(roster, added ? outcomeText(roster, added, `${name} signed in as a walk-in.`) : `${name} signed in as a walk-in.`);
    onDone();
  };

  return (
    <form className="record-form walk-in__form" noValidate onSubmit={form.onSubmit(save)}>
      <ErrorSummary form={form} />
      <div className="field-row">
        <TextField form={form} name="givenName" label="Given name" />
        <TextField form={form} name="familyName" label="Family name" />
      </div>
      <SelectField
        form={form}
        name="organisationId"
        label="Organisation"
        hint="Where they work or volunteer. Choose None if they came on their own."
        placeholder="None"
        choices={[
          { value: ANOTHER, label: 'Another organisation (not in this list)' },
          ...organisations.map((organisation) => ({ value: organisation.id, label: organisation.name })),
        ]}
      />
      {draft.organisationId === ANOTHER && (
        <div className="walk-in__new-organisation">
          <TextField form={form} name="newOrganisationName" label="Organisation name" width="medium" />
          <RadioGroup
            form={form}
            name="newOrganisationSector"
            label="Sector"
            hint="Funders ask for figures by the sector of the organisation people work for."
            choices={sectorChoices}
          />
        </div>
      )}
      <TextField form={form} name="email" label="Email" type="email" optional width="medium" />
      {lookalikes.length > 0 && <SimilarPeople api={api} people={lookalikes} onSignedIn={onDone} />}
      <div className="form-actions">
        {lookalikes.length > 0 ? (
          <button
            type="submit"
            className="button button--secondary"
            aria-disabled={form.saving || undefined}
            onClick={() => {
              confirmedNew.current = true;
            }}
          >
            Add as a new person anyway
          </button>
        ) : (
          <button type="submit" className="button" aria-disabled={form.saving || undefined}>
            {form.saving ? 'Adding…' : api.roster.counts.seatsLeft > 0 ? 'Add and sign in' : 'Add to waiting list'}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A walk-in: someone not booked, perhaps not known at all, added and signed in at once. */
export function WalkInForm(props: { api: RosterApi; start: WalkInStart; onDone(): void; onCancel(): void }) {
  const organisations = useAsync(() => call('organisations.list', { query: '', limit: 500 }), []);
  const full = props.api.roster.counts.seatsLeft === 0;
  return (
    <section className="walk-in" aria-labelledby="walk-in-heading">
      <h2 id="walk-in-heading">Add a walk-in</h2>
      <p>
        {full
          ? 'For someone who is not booked. The session is full, so they join the waiting list as here in the room, and are told their number. If a place frees up, they can be given it.'
          : 'For someone who is not booked. They get a place on this session and are signed in.'}
      </p>
      {organisations.status === 'loading' && <Loading what="organisations" />}
      {organisations.status === 'failed' && <LoadFailed message={organisations.message} />}
      {organisations.status === 'ready' && <WalkInFields {...props} organisations={organisations.data} />}
    </section>
  );
}
