import { useState } from 'react';
import { useLocation } from 'wouter';
import { ChangePinInput, type SettingsStatus } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useForm, type Errors } from '../../components/form';
import { useAnnounce } from '../../components/status';
import { momentText } from '../../components/format';

interface PinDraft {
  currentPin: string;
  newPin: string;
  repeatPin: string;
}

const empty: PinDraft = { currentPin: '', newPin: '', repeatPin: '' };

/** A new PIN is typed twice, as when it was first chosen, so a slip of the finger does not lock the facilitator out. */
function check(draft: PinDraft): Errors {
  return draft.repeatPin !== draft.newPin ? { repeatPin: 'Type the new PIN again, the same both times.' } : {};
}

function PinForm({ onSaved }: { onSaved(settings: SettingsStatus): void }) {
  const announce = useAnnounce();
  const [location] = useLocation();
  const form = useForm({
    id: 'pin',
    initial: empty,
    schema: ChangePinInput,
    toInput: (draft: PinDraft) => ({ currentPin: draft.currentPin, newPin: draft.newPin }),
    check,
  });
  const save = form.onSubmit(async (input) => {
    const saved = await call('settings.changePin', input);
    announce('The kiosk PIN is changed. Use the new PIN to leave the kiosk from now on.', location);
    onSaved(saved);
  });
  return (
    <form className="record-form" noValidate onSubmit={save}>
      <ErrorSummary form={form} />
      <TextField form={form} name="currentPin" label="PIN in use" type="password" inputMode="numeric" width="short" maxLength={8} />
      <TextField
        form={form}
        name="newPin"
        label="New PIN"
        hint="4 to 8 digits."
        type="password"
        inputMode="numeric"
        width="short"
        maxLength={8}
      />
      <TextField form={form} name="repeatPin" label="New PIN again" type="password" inputMode="numeric" width="short" maxLength={8} />
      <div className="form-actions">
        <button type="submit" className="button button--secondary" aria-disabled={form.saving || undefined}>
          {form.saving ? 'Changing…' : 'Change PIN'}
        </button>
      </div>
    </form>
  );
}

/** Changing the kiosk PIN needs the one in use; a PIN is first chosen on opening the kiosk. */
export function ChangePin({ settings, onSaved }: { settings: SettingsStatus; onSaved(settings: SettingsStatus): void }) {
  // A fresh, empty form after each change: PINs are not left on screen.
  const [changes, setChanges] = useState(0);
  if (!settings.pinSet) {
    return <p>No PIN has been chosen yet. You choose one the first time you open the kiosk for a session.</p>;
  }
  return (
    <>
      {settings.pinLockedUntil && (
        <p className="notice">Too many wrong PINs were typed. The PIN can be tried again from {momentText(settings.pinLockedUntil)}.</p>
      )}
      <PinForm
        key={changes}
        onSaved={(saved) => {
          setChanges((count) => count + 1);
          onSaved(saved);
        }}
      />
    </>
  );
}
