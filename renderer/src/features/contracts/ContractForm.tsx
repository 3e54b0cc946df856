import type { z } from 'zod';
import { ContractFields, dayOfYear, yearStartInWords, type Contract } from '../../../../shared/contract';
import { call } from '../../api/client';
import { blankToNull } from '../../components/draft';
import { TextField } from '../../components/fields';
import { useForm, type SaveFields } from '../../components/form';
import { longDate, orNotGiven } from '../../../../shared/words-for-days';
import { RecordForm, RecordScreen, useSavedThen } from '../../components/FormParts';
import { Page } from '../../components/Page';
import { OnlyAtOffice } from '../courses/KeptByOffice';

interface ContractDraft {
  name: string;
  funder: string;
  yearStarts: string;
  endsOn: string;
}

const fromContract = (contract: Contract): ContractDraft => ({
  name: contract.name,
  funder: contract.funder,
  yearStarts: contract.yearStarts,
  endsOn: contract.endsOn ?? '',
});

const toInput = (draft: ContractDraft) => ({ ...draft, endsOn: blankToNull(draft.endsOn) });

type ContractInput = z.output<typeof ContractFields>;

const yearStart = dayOfYear('The day the contract year starts');

/** Says the typed day back in words ("Each contract year starts on 1 August."), so 08-01 and 01-08 cannot be mixed up unseen. */
function yearStartsHint(typed: string): string {
  const parsed = yearStart.safeParse(typed);
  const format = 'Month and day, as MM-DD: 08-01 is 1 August, 04-01 is 1 April.';
  return parsed.success ? `${format} Each contract year starts on ${yearStartInWords(parsed.data)}.` : format;
}

/** Each field as read, for the newer values beside these when someone else saved first. */
const describe = (draft: ContractDraft) => [
  { label: 'Contract name', value: draft.name.trim() },
  { label: 'Funder', value: draft.funder.trim() },
  { label: 'Contract year starts', value: yearStart.safeParse(draft.yearStarts).success ? yearStartInWords(draft.yearStarts.trim()) : orNotGiven(draft.yearStarts) },
  { label: 'End date', value: draft.endsOn ? longDate(draft.endsOn) : orNotGiven(null) },
];

function ContractForm({ initial, version, onSave }: { initial: ContractDraft; version?: string; onSave: SaveFields<typeof ContractFields> }) {
  const opened = version === undefined ? undefined : { version, fromRecord: (record: Record<string, unknown>) => fromContract(record as unknown as Contract), describe };
  const form = useForm({ id: 'contract', initial, schema: ContractFields, toInput, opened });
  return (
    <RecordForm form={form} onSubmit={form.onSubmit(onSave)} saveLabel="Save contract" cancelHref="/contracts">
      <TextField form={form} name="name" label="Contract name" hint="For example, Public Health Equity 2026. Reports choose contracts by this name." />
      <TextField form={form} name="funder" label="Funder" hint="Who pays for the sessions, for example Westbrook City Council Public Health." />
      <TextField
        form={form}
        name="yearStarts"
        label="Contract year starts"
        hint={yearStartsHint(form.draft.yearStarts)}
        width="short"
        inputMode="numeric"
      />
      <TextField form={form} name="endsOn" label="End date" type="date" width="medium" optional hint="The contract's last day, if it has one." />
    </RecordForm>
  );
}

/** On a laptop, the contract screens say the office keeps them, and lead back to the list. */
const laptopScreen = {
  title: 'Contracts are kept by the central office',
  what: 'the contracts',
  back: { href: '/contracts', label: 'Back to contracts' },
};

export function NewContract() {
  const savedThen = useSavedThen('/contracts');
  return (
    <OnlyAtOffice {...laptopScreen}>
      <Page title="New contract">
        <ContractForm
          initial={{ name: '', funder: '', yearStarts: '', endsOn: '' }}
          onSave={async (fields: ContractInput) => {
            await call('contracts.create', fields);
            savedThen('Contract saved.');
          }}
        />
      </Page>
    </OnlyAtOffice>
  );
}

export function EditContract({ id }: { id: string }) {
  const savedThen = useSavedThen('/contracts');
  return (
    <OnlyAtOffice {...laptopScreen}>
      <RecordScreen
        id={id}
        load={(id) => call('contracts.get', { id })}
        title={(contract) => (contract ? `Edit contract: ${contract.name}` : 'Edit contract')}
        what="the contract"
        backHref="/contracts"
        backLabel="Back to contracts"
      >
        {(contract) => (
          <ContractForm
            initial={fromContract(contract)}
            version={contract.version}
            onSave={async (fields, version) => {
              await call('contracts.update', { id, version, fields });
              savedThen('Contract saved.');
            }}
          />
        )}
      </RecordScreen>
    </OnlyAtOffice>
  );
}
