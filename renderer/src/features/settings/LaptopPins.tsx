import { useState } from 'react';
import { useLocation } from 'wouter';
import { ResetLaptopPinInput, type LaptopPin } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ChangedSinceOpened } from '../../components/ChangedSinceOpened';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField } from '../../components/fields';
import { useForm } from '../../components/form';
import { pinResetText } from './pin-reset-words';

/** "new PIN set on …" after a laptop's name and a colon. */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
import { LoadFailed, Loading } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import { NewPinFields, samePinTwice, type NewPinDraft } from './pin-fields';

interface LaptopPinDraft extends NewPinDraft {
  deviceId: string;
}

function ResetForm({ laptops, onSaved }: { laptops: LaptopPin[]; onSaved(laptops: LaptopPin[]): void }) {
  const announce = useAnnounce();
  const [location] = useLocation();
  const form = useForm({
    id: 'laptop-pin',
    initial: { deviceId: '', newPin: '', repeatPin: '' } as LaptopPinDraft,
    schema: ResetLaptopPinInput,
    toInput: (draft: LaptopPinDraft) => ({ deviceId: draft.deviceId || undefined, newPin: draft.newPin }),
    check: samePinTwice,
    opened: {
      version: '',
      // Each laptop's reset has its own version: the one sent is the chosen laptop's.
      choice: { recordOf: (draft) => draft.deviceId, versions: Object.fromEntries(laptops.map((laptop) => [laptop.deviceId, laptop.version])) },
      // Their new PIN is kept only as a hash: the form shows that one was set, never a PIN.
      fromRecord: (record) => ({ deviceId: (record as LaptopPin).deviceId, newPin: '', repeatPin: '' }),
      describe: (draft) => [{ label: 'New PIN', value: draft.newPin ? 'The one you typed' : 'The one set since you opened this page' }],
    },
  });
  const save = form.onSubmit(async (input, version) => {
    const saved = await call('settings.resetLaptopPin', { ...input, version });
    const name = laptops.find((laptop) => laptop.deviceId === input.deviceId)?.name ?? 'the laptop';
    announce(`New PIN saved for ${name}. It goes in the next package you write for ${name}.`, location);
    onSaved(saved);
  });
  return (
    <form className="record-form" noValidate onSubmit={save}>
      <ChangedSinceOpened form={form} />
      <ErrorSummary form={form} />
      <SelectField form={form} name="deviceId" label="Laptop" placeholder="Choose the laptop" choices={laptops.map((laptop) => ({ value: laptop.deviceId, label: laptop.name }))} />
      <NewPinFields form={form} />
      <div className="form-actions">
        <button type="submit" className="button button--secondary" aria-disabled={form.saving || undefined}>
          {form.saving ? 'Saving…' : 'Set new PIN'}
        </button>
      </div>
    </form>
  );
}

/**
 * At the office: a new kiosk PIN for a facilitator who forgot theirs and has
 * no recovery code. It travels, as a hash, in the laptop's next package,
 * which the laptop applies and says so.
 */
export function LaptopPins() {
  const loaded = useAsync(() => call('settings.laptopPins', {}), []);
  const [saved, setSaved] = useState<LaptopPin[] | null>(null);
  const [round, setRound] = useState(0);
  const laptops = saved ?? loaded.data;
  if (loaded.status === 'failed') return <LoadFailed message={loaded.message} />;
  if (!laptops) return <Loading what="the paired laptops" />;
  if (laptops.length === 0) return <p>No laptops are paired with this office yet.</p>;
  const withReset = laptops.filter((laptop) => laptop.resetSetAt);
  return (
    <>
      <p>For a facilitator who has forgotten the kiosk PIN and has no recovery code. The new PIN goes in the next package you write for that laptop.</p>
      <ResetForm
        key={round}
        laptops={laptops}
        onSaved={(next) => {
          setSaved(next);
          setRound((count) => count + 1);
        }}
      />
      {withReset.length > 0 && (
        <ul className="list">
          {withReset.map((laptop) => (
            <li key={laptop.deviceId}>
              {laptop.name}: {lowerFirst(pinResetText({ setAt: laptop.resetSetAt!, applied: laptop.resetApplied }))}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
