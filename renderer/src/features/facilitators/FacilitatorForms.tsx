import { procedures } from '../../../../shared/contract';
import { call } from '../../api/client';
import { SelectField, TextField } from '../../components/fields';
import { useForm } from '../../components/form';
import { RecordForm, useSavedThen } from '../../components/FormParts';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import { OnlyAtOffice } from '../courses/KeptByOffice';
import { nameFromPath } from './paths';

const LIST = '/facilitators';
const laptopScreen = {
  title: 'Facilitators are kept by the central office',
  what: 'the facilitators',
  back: { href: LIST, label: 'Back to facilitators' },
};

const NameFields = procedures['facilitators.add'].input;
const LinkFields = procedures['facilitators.link'].input.pick({ facilitatorId: true });

function NameForm({ initial, saveLabel, hint, onSave }: { initial: string; saveLabel: string; hint: string; onSave(name: string): Promise<void> }) {
  const form = useForm({ id: 'facilitator', initial: { name: initial }, schema: NameFields, toInput: (draft: { name: string }) => draft });
  return (
    <RecordForm form={form} onSubmit={form.onSubmit((input) => onSave(input.name))} saveLabel={saveLabel} cancelHref={LIST}>
      <TextField form={form} name="name" label="Facilitator's name" hint={hint} autoComplete="name" />
    </RecordForm>
  );
}

export function NewFacilitator() {
  const savedThen = useSavedThen(LIST);
  return (
    <OnlyAtOffice {...laptopScreen}>
      <Page title="Add a facilitator">
        <NameForm
          initial=""
          saveLabel="Add facilitator"
          hint="Sessions that already name them (in any mix of capitals) will refer to this facilitator."
          onSave={async (name) => savedThen((await call('facilitators.add', { name })).message)}
        />
      </Page>
    </OnlyAtOffice>
  );
}

export function RenameFacilitator({ id }: { id: string }) {
  const savedThen = useSavedThen(LIST);
  const state = useAsync(() => call('facilitators.list', {}), []);
  const facilitator = state.status === 'ready' ? state.data.facilitators.find((one) => one.id === id) : undefined;
  return (
    <OnlyAtOffice {...laptopScreen}>
      <Page title={facilitator ? `Change the name of ${facilitator.name}` : 'Change a facilitator’s name'}>
        {state.status === 'loading' && <Loading what="the facilitator" />}
        {state.status === 'failed' && <LoadFailed message={state.message} />}
        {state.status === 'ready' && !facilitator && <LoadFailed message="Choose the facilitator again: that one could not be found." />}
        {facilitator && (
          <NameForm
            initial={facilitator.name}
            saveLabel="Save name"
            hint={`The new name shows on ${facilitator.sessions === 1 ? 'the 1 session' : `all ${facilitator.sessions} sessions`} that refer to them, and in reports.`}
            onSave={async (name) => savedThen((await call('facilitators.rename', { id, name })).message)}
          />
        )}
      </Page>
    </OnlyAtOffice>
  );
}

export function LinkFacilitatorName({ encodedName }: { encodedName: string }) {
  const name = nameFromPath(encodedName);
  const savedThen = useSavedThen(LIST);
  const state = useAsync(() => call('facilitators.list', {}), []);
  const form = useForm({
    id: 'link',
    initial: { facilitatorId: '' },
    schema: LinkFields,
    toInput: (draft: { facilitatorId: string }) => ({ facilitatorId: draft.facilitatorId || undefined }),
  });
  return (
    <OnlyAtOffice {...laptopScreen}>
      <Page title={`Link ${name} to a facilitator`}>
        <p>Each session with the name {name} will refer to the facilitator you choose, and show their name.</p>
        {state.status === 'loading' && <Loading what="the facilitators" />}
        {state.status === 'failed' && <LoadFailed message={state.message} />}
        {state.status === 'ready' && (
          <RecordForm
            form={form}
            onSubmit={form.onSubmit(async ({ facilitatorId }) => savedThen((await call('facilitators.link', { name, facilitatorId })).message))}
            saveLabel="Link to this facilitator"
            cancelHref={LIST}
          >
            <SelectField
              form={form}
              name="facilitatorId"
              label="Facilitator"
              hint="If they are not in the list, add them first with Add facilitator."
              placeholder="Choose a facilitator"
              choices={state.data.facilitators.map((facilitator) => ({ value: facilitator.id, label: facilitator.name }))}
            />
          </RecordForm>
        )}
      </Page>
    </OnlyAtOffice>
  );
}
