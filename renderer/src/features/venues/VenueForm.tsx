import type { z } from 'zod';
import { VenueFields, type Venue } from '../../../../shared/contract';
import { call } from '../../api/client';
import { blankToNull } from '../../components/draft';
import { TextArea, TextField } from '../../components/fields';
import { useForm, type SaveFields } from '../../components/form';
import { orNotGiven } from '../../components/format';
import { RecordForm, RecordScreen, useSavedThen } from '../../components/FormParts';
import { Page } from '../../components/Page';
import { OnlyAtOffice } from '../courses/KeptByOffice';

interface VenueDraft {
  name: string;
  address: string;
  accessNotes: string;
}

const fromVenue = (venue: Venue): VenueDraft => ({
  name: venue.name,
  address: venue.address,
  accessNotes: venue.accessNotes ?? '',
});

const toInput = (draft: VenueDraft) => ({ ...draft, accessNotes: blankToNull(draft.accessNotes) });

type VenueInput = z.output<typeof VenueFields>;

/** Each field as read, for the newer values beside these when someone else saved first. */
const describe = (draft: VenueDraft) => [
  { label: 'Venue name', value: draft.name.trim() },
  { label: 'Address', value: draft.address.trim() },
  { label: 'Access notes', value: orNotGiven(draft.accessNotes) },
];

function VenueForm({ initial, version, onSave }: { initial: VenueDraft; version?: string; onSave: SaveFields<typeof VenueFields> }) {
  const opened = version === undefined ? undefined : { version, fromRecord: (record: Record<string, unknown>) => fromVenue(record as unknown as Venue), describe };
  const form = useForm({ id: 'venue', initial, schema: VenueFields, toInput, opened });
  return (
    <RecordForm form={form} onSubmit={form.onSubmit(onSave)} saveLabel="Save venue" cancelHref="/venues">
      <TextField form={form} name="name" label="Venue name" hint="For example, St Mark's Church Hall." />
      <TextArea form={form} name="address" label="Address" rows={3} />
      <TextArea
        form={form}
        name="accessNotes"
        label="Access notes"
        optional
        hint="For example, step-free entrance at the side, hearing loop, where to park, who has the key."
      />
    </RecordForm>
  );
}

/** On a laptop, the venue screens say the office keeps them, and lead back to the list. */
const laptopScreen = {
  title: 'Venues are kept by the central office',
  what: 'the venue list',
  back: { href: '/venues', label: 'Back to venues' },
};

export function NewVenue() {
  const savedThen = useSavedThen('/venues');
  return (
    <OnlyAtOffice {...laptopScreen}>
      <Page title="New venue">
        <VenueForm
          initial={{ name: '', address: '', accessNotes: '' }}
          onSave={async (fields: VenueInput) => {
            await call('venues.create', fields);
            savedThen('Venue saved.');
          }}
        />
      </Page>
    </OnlyAtOffice>
  );
}

export function EditVenue({ id }: { id: string }) {
  const savedThen = useSavedThen('/venues');
  return (
    <OnlyAtOffice {...laptopScreen}>
      <RecordScreen
        id={id}
        load={(id) => call('venues.get', { id })}
        title={(venue) => (venue ? `Edit venue: ${venue.name}` : 'Edit venue')}
        what="the venue"
        backHref="/venues"
        backLabel="Back to venues"
      >
        {(venue) => (
          <VenueForm
            initial={fromVenue(venue)}
            version={venue.version}
            onSave={async (fields, version) => {
              await call('venues.update', { id, version, fields });
              savedThen('Venue saved.');
            }}
          />
        )}
      </RecordScreen>
    </OnlyAtOffice>
  );
}
