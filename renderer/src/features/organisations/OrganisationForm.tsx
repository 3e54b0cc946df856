import { useState } from 'react';
import { useLocation } from 'wouter';
import type { z } from 'zod';
import { OrganisationFields, sectorLabels, sectors, type Organisation } from '../../../../shared/contract';
import { call } from '../../api/client';
import { RadioGroup, TextField } from '../../components/fields';
import { useForm, type SaveFields } from '../../components/form';
import { RecordForm, RecordScreen, useSavedThen } from '../../components/FormParts';
import { Page } from '../../components/Page';
import { DuplicateWarning } from '../people/DuplicateWarning';
import { useDevice } from '../../app/device';
import { OrganisationStaff } from './OrganisationStaff';
import { SameOrganisation } from './SameOrganisation';
import { useMayCall } from '../staff/may-call';

interface OrganisationDraft {
  name: string;
  sector: string;
}

const sectorHints: Record<(typeof sectors)[number], string> = {
  statutory: 'The NHS, a council, the police, a school or another public body.',
  vcse: 'A charity, community group, social enterprise or faith group.',
  other: 'A business, or anything else.',
};

const sectorChoices = sectors.map((sector) => ({ value: sector, label: sectorLabels[sector], hint: sectorHints[sector] }));

const toInput = (draft: OrganisationDraft) => ({ name: draft.name, sector: draft.sector || undefined });

type OrganisationInput = z.output<typeof OrganisationFields>;

const fromOrganisation = (record: Record<string, unknown>): OrganisationDraft => ({ name: String(record.name ?? ''), sector: String(record.sector ?? '') });

/** Each field as read, for the newer values beside these when someone else saved first. */
const describe = (draft: OrganisationDraft) => [
  { label: 'Organisation name', value: draft.name.trim() },
  { label: 'Sector', value: sectorLabels[draft.sector as (typeof sectors)[number]] ?? 'Not given' },
];

function OrganisationForm({
  initial,
  version,
  onSave,
}: {
  initial: OrganisationDraft;
  /** For an edit: the version it was opened at. */
  version?: string;
  onSave: SaveFields<typeof OrganisationFields>;
}) {
  const opened = version === undefined ? undefined : { version, fromRecord: fromOrganisation, describe };
  const form = useForm({ id: 'organisation', initial, schema: OrganisationFields, toInput, opened });
  return (
    <RecordForm form={form} onSubmit={form.onSubmit(onSave)} saveLabel="Save organisation" cancelHref="/organisations">
      <TextField form={form} name="name" label="Organisation name" autoComplete="organization" />
      <RadioGroup
        form={form}
        name="sector"
        label="Sector"
        hint="Funders ask for figures by the sector of the organisation people work for."
        choices={sectorChoices}
      />
    </RecordForm>
  );
}

/** "hope street surgery" beside "Hope Street Surgery": the one already here is offered before a second is saved. */
export function NewOrganisation() {
  const savedThen = useSavedThen('/organisations');
  const [held, setHeld] = useState<{ fields: OrganisationInput; matches: Organisation[] } | null>(null);
  const create = async (fields: OrganisationInput) => {
    await call('organisations.create', fields);
    savedThen('Organisation saved.');
  };
  return (
    <Page title="New organisation">
      {held && (
        <DuplicateWarning
          what="organisation"
          matches={held.matches.map((match) => ({ id: match.id, name: match.name, detail: sectorLabels[match.sector], href: `/organisations/${match.id}` }))}
          saveAnywayLabel="Save as a new organisation anyway"
          onSaveAnyway={() => create(held.fields)}
        />
      )}
      <OrganisationForm
        initial={{ name: '', sector: '' }}
        onSave={async (fields: OrganisationInput) => {
          const matches = await call('organisations.similar', fields);
          if (matches.length > 0) {
            setHeld({ fields, matches });
            return;
          }
          await create(fields);
        }}
      />
    </Page>
  );
}

/** An organisation: its details to correct, its staff, and at the office "same organisation". */
export function EditOrganisation({ id }: { id: string }) {
  const savedThen = useSavedThen('/organisations');
  const office = useDevice().role === 'office';
  // A viewer on the office server is not offered merging: the core would refuse both the look-up and the merge.
  const mayMerge = useMayCall('organisations.merge');
  const [, navigate] = useLocation();
  // After a merge that kept this record, the page reads it again: its staff now include the other's people.
  const [merges, setMerges] = useState(0);
  const merged = (kept: Organisation) => (kept.id === id ? setMerges((count) => count + 1) : navigate(`/organisations/${kept.id}`));
  return (
    <RecordScreen
      key={merges}
      id={id}
      load={(id) => call('organisations.get', { id })}
      title={(organisation?: Organisation & { version: string }) => (organisation ? `Edit organisation: ${organisation.name}` : 'Edit organisation')}
      what="the organisation"
      backHref="/organisations"
      backLabel="Back to organisations"
    >
      {(organisation) => (
        <>
          <OrganisationForm
            initial={{ name: organisation.name, sector: organisation.sector }}
            version={organisation.version}
            onSave={async (fields, version) => {
              await call('organisations.update', { id, version, fields });
              savedThen('Organisation saved.');
            }}
          />
          <OrganisationStaff organisationId={id} name={organisation.name} />
          {office && mayMerge && <SameOrganisation organisation={organisation} onMerged={merged} />}
        </>
      )}
    </RecordScreen>
  );
}
