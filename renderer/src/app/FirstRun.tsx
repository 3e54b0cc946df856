import { SetUpDeviceInput, type Device } from '../../../shared/contract';
import { call } from '../api/client';
import { RadioGroup, TextField } from '../components/fields';
import { useForm } from '../components/form';
import { ErrorSummary } from '../components/ErrorSummary';
import { Page } from '../components/Page';

const roleChoices = [
  {
    value: 'laptop',
    label: "A facilitator's laptop",
    hint: 'Taken to community venues to run sessions: signing people in, the waiting list and evaluations. At the end of the day it sends what it collected to the central office.',
  },
  {
    value: 'office',
    label: 'The central office',
    hint: 'Keeps the course catalogue, venues and schedule, sets up the laptops, and brings together what every laptop sends.',
  },
];

interface SetUpDraft {
  role: string;
  name: string;
}

const toInput = (draft: SetUpDraft) => ({ role: draft.role || undefined, name: draft.name });

const check = (draft: SetUpDraft) =>
  draft.name.trim() === '' ? { name: 'Enter a name for this computer.' } : ({} as Record<string, string>);

/** The first screen on a new computer: what it is for, and a name people can tell apart. */
export function FirstRun({ onDone }: { onDone(device: Device): void }) {
  const form = useForm({ id: 'setup', initial: { role: '', name: '' }, schema: SetUpDeviceInput, toInput, check });
  const save = form.onSubmit(async (input) => onDone(await call('device.setUp', input)));

  return (
    <div className="first-run">
      <main id="main-content" tabIndex={-1} className="first-run__main">
        <Page title="Set up Fieldbook">
          <p className="lead">Fieldbook needs to know what this computer is for. You only do this once.</p>
          <form className="record-form" noValidate onSubmit={save}>
            <ErrorSummary form={form} />
            <RadioGroup form={form} name="role" label="Which is this computer?" choices={roleChoices} />
            <TextField
              form={form}
              name="name"
              label="Name for this computer"
              hint="So people can tell computers apart, for example “Hall laptop 2”. It is shown at the top of every screen."
              width="medium"
            />
            <div className="form-actions">
              <button type="submit" className="button" aria-disabled={form.saving || undefined}>
                {form.saving ? 'Setting up…' : 'Set up this computer'}
              </button>
            </div>
          </form>
        </Page>
      </main>
    </div>
  );
}
