import { useState, type FormEvent } from 'react';
import { ApiError, call } from '../../api/client';
import { KioskActions, KioskAlert, KioskButton, KioskScreen } from '../kiosk/KioskScreen';
import './settings.css';

/**
 * Inside the kiosk, for a facilitator who has forgotten the PIN: the
 * laptop's recovery code sets a new PIN (the core allows this one settings
 * procedure in kiosk mode), the next recovery code is shown once, and then
 * the kiosk is left with the new PIN. For the facilitator, so in English
 * (marked as such inside the Arabic or Polish kiosk).
 */
export function KioskPinRecovery({ cancel }: { cancel(): void }) {
  const [draft, setDraft] = useState({ recoveryCode: '', newPin: '', repeatPin: '' });
  const [problem, setProblem] = useState<{ field: keyof typeof draft; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [nextCode, setNextCode] = useState<string | null>(null);

  const field = (name: keyof typeof draft, label: string, hint: string, pin: boolean) => (
    <div className={problem?.field === name ? 'kiosk-field kiosk-field--error' : 'kiosk-field'}>
      <label className="kiosk-field__label" htmlFor={`kiosk-recovery-${name}`}>
        {label}
      </label>
      <p className="kiosk-field__hint" id={`kiosk-recovery-${name}-hint`}>
        {hint}
      </p>
      {problem?.field === name && (
        <p className="kiosk-field__error" id={`kiosk-recovery-${name}-error`} role="alert">
          {problem.message}
        </p>
      )}
      <input
        id={`kiosk-recovery-${name}`}
        className={pin ? 'kiosk-input kiosk-input--pin' : 'kiosk-input'}
        type={pin ? 'password' : 'text'}
        inputMode={pin ? 'numeric' : 'text'}
        autoComplete="off"
        spellCheck={false}
        maxLength={pin ? 8 : 40}
        dir="ltr"
        value={draft[name]}
        aria-describedby={problem?.field === name ? `kiosk-recovery-${name}-hint kiosk-recovery-${name}-error` : `kiosk-recovery-${name}-hint`}
        aria-invalid={problem?.field === name ? true : undefined}
        onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
      />
    </div>
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (draft.recoveryCode.trim() === '') return setProblem({ field: 'recoveryCode', message: 'Enter the recovery code, for example K7QX-3M9D-8WRT-2HNE.' });
    if (!/^\d{4,8}$/.test(draft.newPin)) return setProblem({ field: 'newPin', message: 'Enter a PIN of 4 to 8 digits.' });
    if (draft.repeatPin !== draft.newPin) return setProblem({ field: 'repeatPin', message: 'Type the new PIN again, the same both times.' });
    setBusy(true);
    setProblem(null);
    try {
      const shown = await call('settings.resetPinWithRecoveryCode', { recoveryCode: draft.recoveryCode, newPin: draft.newPin });
      setNextCode(shown.recoveryCode);
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : 'The PIN could not be reset. Try again.';
      setProblem({ field: failure instanceof ApiError && failure.fields.newPin ? 'newPin' : 'recoveryCode', message });
    } finally {
      setBusy(false);
    }
  };

  const leave = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await call('kiosk.exit', { pin: draft.newPin });
      window.location.reload();
    } catch (failure) {
      setBusy(false);
      setProblem({ field: 'newPin', message: failure instanceof Error ? failure.message : 'The kiosk could not be left. Try again.' });
    }
  };

  if (nextCode) {
    return (
      <div lang="en-GB" dir="ltr">
        <KioskScreen title="Write down the new recovery code">
          <p className="kiosk-lead">The kiosk PIN is reset. The recovery code you used works no more; this one takes its place, and is shown only now.</p>
          <p className="recovery-code">
            <code>{nextCode}</code>
          </p>
          {problem && <KioskAlert>{problem.message}</KioskAlert>}
          <KioskActions>
            <KioskButton busy={busy} onClick={() => void leave()}>
              I have written it down: leave the kiosk
            </KioskButton>
          </KioskActions>
        </KioskScreen>
      </div>
    );
  }

  return (
    <div lang="en-GB" dir="ltr">
      <KioskScreen title="Reset the kiosk PIN">
        <p className="kiosk-lead">For the facilitator: this laptop's recovery code sets a new PIN.</p>
        <form noValidate onSubmit={submit}>
          {field('recoveryCode', 'Recovery code', '16 letters and digits, for example K7QX-3M9D-8WRT-2HNE.', false)}
          {field('newPin', 'New PIN', '4 to 8 digits.', true)}
          {field('repeatPin', 'New PIN again', 'The same digits again.', true)}
          <KioskActions>
            <KioskButton type="submit" busy={busy}>
              Reset PIN
            </KioskButton>
            <KioskButton kind="secondary" onClick={cancel}>
              Back
            </KioskButton>
          </KioskActions>
        </form>
      </KioskScreen>
    </div>
  );
}
