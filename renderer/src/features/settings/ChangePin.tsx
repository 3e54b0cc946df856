import { useState } from 'react';
import { useLocation } from 'wouter';
import { ChangePinInput, type SettingsStatus } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useForm } from '../../components/form';
import { useAnnounce } from '../../components/status';
import { momentText } from '../../components/format';
import { NewPinFields, PinField, samePinTwice, type NewPinDraft } from './pin-fields';

interface PinDraft extends NewPinDraft {
  currentPin: string;
}

const empty: PinDraft = { currentPin: '', newPin: '', repeatPin: '' };

function PinForm({ onSaved }: { onSaved(settings: SettingsStatus): void }) {
  const announce = useAnnounce();
  const [location] = useLocation();
  const form = useForm({
    id: 'pin',
    initial: empty,
    schema: ChangePinInput,
    toInput: (draft: PinDraft) => ({ currentPin: draft.currentPin, newPin: draft.newPin }),
    check: samePinTwice,
  });
  const save = form.onSubmit(async (input) => {
    const saved = await call('settings.changePin', input);
    announce('The kiosk PIN is changed. Use the new PIN to leave the kiosk from now on.', location);
    onSaved(saved);
  });
  return (
    <form className="record-form" noValidate onSubmit={save}>
      <ErrorSummary form={form} />
      <PinField form={form} name="currentPin" label="PIN in use" />
      <NewPinFields form={form} />
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
