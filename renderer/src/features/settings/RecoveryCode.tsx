import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { ResetPinInput, type RecoveryCodeShown, type SettingsStatus } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useForm } from '../../components/form';
import { useAnnounce } from '../../components/status';
import { Refusal } from '../sync/parts';
import './settings.css';
import { NewPinFields, samePinTwice, type NewPinDraft } from './pin-fields';

/**
 * The recovery code, shown this once: the core keeps only its hash, so
 * neither this screen nor anyone later can show it again.
 */
export function ShownRecoveryCode({ code }: { code: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [code]);
  return (
    <div className="check-panel">
      <h3 ref={heading} tabIndex={-1}>
        Write down this recovery code
      </h3>
      <p className="recovery-code" lang="en">
        <code>{code}</code>
      </p>
      <p>
        It is shown only now. Keep it apart from the laptop (in the facilitator's notebook, not in the laptop bag). If the kiosk PIN is
        forgotten, it sets a new one, once; a new code is then shown in its place.
      </p>
    </div>
  );
}

/** Makes a recovery code (replacing any before it) and shows it once. */
export function MakeRecoveryCode({ settings, onMade, action }: { settings: SettingsStatus; onMade(shown: RecoveryCodeShown): void; action?: string }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const make = () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    call('settings.makeRecoveryCode', {})
      .then(onMade)
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : 'The recovery code could not be made. Try again.'))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <p>
        {settings.recoveryCodeSet
          ? 'This computer has a recovery code. A new one replaces it: the one you have now stops working.'
          : 'This computer has no recovery code. Make one and write it down, so a forgotten PIN does not shut the kiosk.'}
      </p>
      <Refusal message={problem} />
      <div className="form-actions">
        <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={make}>
          {busy ? 'Making…' : (action ?? (settings.recoveryCodeSet ? 'Make a new recovery code' : 'Make a recovery code'))}
        </button>
      </div>
    </>
  );
}

interface ResetDraft extends NewPinDraft {
  recoveryCode: string;
}

/** A forgotten PIN: the recovery code sets a new one, and the next code is shown in its place. */
export function ResetWithRecoveryCode({ onReset }: { onReset(shown: RecoveryCodeShown): void }) {
  const announce = useAnnounce();
  const [location] = useLocation();
  const form = useForm({
    id: 'reset-pin',
    initial: { recoveryCode: '', newPin: '', repeatPin: '' } as ResetDraft,
    schema: ResetPinInput,
    toInput: (draft: ResetDraft) => ({ recoveryCode: draft.recoveryCode, newPin: draft.newPin }),
    check: samePinTwice,
  });
  const save = form.onSubmit(async (input) => {
    const shown = await call('settings.resetPinWithRecoveryCode', input);
    announce('The kiosk PIN is reset. Use the new PIN to leave the kiosk from now on.', location);
    onReset(shown);
  });
  return (
    <form className="record-form" noValidate onSubmit={save}>
      <ErrorSummary form={form} />
      <TextField form={form} name="recoveryCode" label="Recovery code" hint="16 letters and digits, for example K7QX-3M9D-8WRT-2HNE." width="medium" maxLength={40} />
      <NewPinFields form={form} />
      <div className="form-actions">
        <button type="submit" className="button button--secondary" aria-disabled={form.saving || undefined}>
          {form.saving ? 'Resetting…' : 'Reset PIN'}
        </button>
      </div>
    </form>
  );
}
