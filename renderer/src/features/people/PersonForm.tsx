import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { PersonFields, type Organisation, type Person, type SimilarPerson } from '../../../../shared/contract';
import { call } from '../../api/client';
import { blankToNull } from '../../components/draft';
import { SelectField, TextField } from '../../components/fields';
import { useForm, type SaveFields } from '../../components/form';
import { orNotGiven } from '../../components/format';
import { longDate } from '../../../../shared/words-for-days';
import { RecordForm, RecordScreen, useSavedThen } from '../../components/FormParts';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import { DuplicateWarning } from './DuplicateWarning';

interface PersonDraft {
  givenName: string;
  familyName: string;
  preferredName: string;
  email: string;
  phone: string;
  organisationId: string;
  membershipJoinedOn: string;
}

const emptyPerson: PersonDraft = {
  givenName: '',
  familyName: '',
  preferredName: '',
  email: '',
  phone: '',
  organisationId: '',
  membershipJoinedOn: '',
};

const fromPerson = (person: Person): PersonDraft => ({
  givenName: person.givenName,
  familyName: person.familyName,
  preferredName: person.preferredName ?? '',
  email: person.email ?? '',
  phone: person.phone ?? '',
  organisationId: person.organisationId ?? '',
  membershipJoinedOn: person.membershipJoinedOn ?? '',
});

const toInput = (draft: PersonDraft) => ({
  givenName: draft.givenName,
  familyName: draft.familyName,
  preferredName: blankToNull(draft.preferredName),
  email: blankToNull(draft.email),
  phone: blankToNull(draft.phone),
  organisationId: blankToNull(draft.organisationId),
  membershipJoinedOn: blankToNull(draft.membershipJoinedOn),
});

type PersonInput = z.output<typeof PersonFields>;

function PersonForm({
  initial,
  organisations,
  version,
  onSave,
}: {
  initial: PersonDraft;
  organisations: Organisation[];
  /** For an edit: the version it was opened at. */
  version?: string;
  onSave: SaveFields<typeof PersonFields>;
}) {
  const describe = (draft: PersonDraft) => [
    { label: 'Given name', value: draft.givenName.trim() },
    { label: 'Family name', value: draft.familyName.trim() },
    { label: 'Preferred name', value: orNotGiven(draft.preferredName) },
    { label: 'Email', value: orNotGiven(draft.email) },
    { label: 'Phone', value: orNotGiven(draft.phone) },
    { label: 'Organisation', value: orNotGiven(organisations.find((organisation) => organisation.id === draft.organisationId)?.name) },
    { label: 'Membership joined date', value: draft.membershipJoinedOn ? longDate(draft.membershipJoinedOn) : orNotGiven(null) },
  ];
  const opened = version === undefined ? undefined : { version, fromRecord: (record: Record<string, unknown>) => fromPerson(record as unknown as Person), describe };
  const form = useForm({ id: 'person', initial, schema: PersonFields, toInput, opened });
  return (
    <RecordForm form={form} onSubmit={form.onSubmit(onSave)} saveLabel="Save person" cancelHref="/people">
      <TextField form={form} name="givenName" label="Given name" autoComplete="off" width="medium" />
      <TextField form={form} name="familyName" label="Family name" autoComplete="off" width="medium" />
      <TextField
        form={form}
        name="preferredName"
        label="Preferred name"
        optional
        hint="What they like to be called, if it is different."
        width="medium"
      />
      <TextField form={form} name="email" label="Email" type="email" optional width="medium" />
      <TextField form={form} name="phone" label="Phone" type="tel" optional width="medium" />
      <SelectField
        form={form}
        name="organisationId"
        label="Organisation"
        hint="Where they work or volunteer. Choose None if they came on their own."
        placeholder="None"
        choices={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
      />
      <TextField
        form={form}
        name="membershipJoinedOn"
        label="Membership joined date"
        optional
        hint="If their organisation is in the membership scheme: the day they joined. They should finish the core course within 6 months."
        type="date"
        width="medium"
      />
    </RecordForm>
  );
}

/** The person form needs the organisations to choose from; it waits for them. */
function WithOrganisations({ children }: { children(organisations: Organisation[]): ReactNode }) {
  const organisations = useAsync(() => call('organisations.list', { query: '', limit: 500 }), []);
  if (organisations.status === 'loading') return <Loading what="organisations" />;
  if (organisations.status === 'failed') return <LoadFailed message={organisations.message} />;
  return <>{children(organisations.data)}</>;
}

/**
 * A new person is checked against those already here before it is saved:
 * the same name with the same email or organisation (or neither with an
 * organisation) is offered to open instead, or to save anyway.
 */
export function NewPerson() {
  const savedThen = useSavedThen('/people');
  const [held, setHeld] = useState<{ fields: PersonInput; matches: SimilarPerson[] } | null>(null);
  const create = async (fields: PersonInput) => {
    await call('people.create', fields);
    savedThen('Person saved.');
  };
  return (
    <Page title="New person">
      {held && (
        <DuplicateWarning
          what="person"
          matches={held.matches.map((match) => ({ id: match.personId, name: match.name, detail: match.organisationName, href: `/people/${match.personId}` }))}
          saveAnywayLabel="Save as a new person anyway"
          onSaveAnyway={() => create(held.fields)}
        />
      )}
      <WithOrganisations>
        {(organisations) => (
          <PersonForm
            initial={emptyPerson}
            organisations={organisations}
            onSave={async (fields) => {
              const matches = await call('people.similar', fields);
              if (matches.length > 0) {
                setHeld({ fields, matches });
                return;
              }
              await create(fields);
            }}
          />
        )}
      </WithOrganisations>
    </Page>
  );
}

export function EditPerson({ id }: { id: string }) {
  const savedThen = useSavedThen(`/people/${id}`);
  return (
    <RecordScreen
      id={id}
      load={(id) => call('people.get', { id })}
      title={(person) => (person ? `Edit person: ${person.givenName} ${person.familyName}` : 'Edit person')}
      what="the person"
      backHref={`/people/${id}`}
      backLabel="Back to their page"
    >
      {(person) => (
        <WithOrganisations>
          {(organisations) => (
            <PersonForm
              initial={fromPerson(person)}
              version={person.version}
              organisations={organisations}
              onSave={async (fields, version) => {
                await call('people.update', { id, version, fields });
                savedThen('Person saved.');
              }}
            />
          )}
        </WithOrganisations>
      )}
    </RecordScreen>
  );
}
