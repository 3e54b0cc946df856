import { useState } from 'react';
import { procedures } from '../../../../shared/contract';
import { ApiError, call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ErrorMessage } from '../../components/fields';
import { useForm, type Errors, type FormApi } from '../../components/form';
import { Dialog } from '../today/Dialog';

/*
 * The roster's OpenKiosk (features/today/OpenKiosk.tsx) opens the kiosk for
 * sign-in only: it cannot take a mode yet. Until it can, this is the same
 * dialog for the evaluation (same PIN rules, same words about the PIN).
 */

interface PinDraft {
  pin: string;
  repeat: string;
}

/** Hidden as it is typed, number keypad on touch screens; its error shows after "Start", not on leaving the box. */
function PinField({ form, name, label, hint }: { form: FormApi<PinDraft>; name: keyof PinDraft; label: string; hint?: string }) {
  const id = form.idFor(name);
  const error = form.errorFor(name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <ErrorMessage id={error ? `${id}-error` : undefined} message={error} />
      <input
        id={id}
        className="input input--short"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        value={form.draft[name]}
        onChange={(event) => form.set(name, event.target.value)}
      />
    </div>
  );
}

function StartForm({ sessionId, needsPin, onCancel }: { sessionId: string; needsPin: boolean; onCancel(): void }) {
  const form = useForm({
    id: 'evaluation-kiosk',
    initial: { pin: '', repeat: '' },
    schema: procedures['kiosk.start'].input,
    toInput: (draft: PinDraft) => ({ sessionId, pin: needsPin ? draft.pin : undefined, mode: 'evaluation' }),
    check: (draft: PinDraft): Errors => {
      if (!needsPin) return {};
      if (draft.pin === '') return { pin: 'Choose a PIN of 4 to 8 digits.' };
      if (draft.repeat === '') return { repeat: 'Type the PIN again.' };
      return draft.repeat === draft.pin ? {} : { repeat: 'The two PINs are not the same. Type the PIN again.' };
    },
  });
  const start = form.onSubmit(async (input) => {
    await call('kiosk.start', input);
    // The app's start asks the core whether the kiosk is on, and in which mode, and shows only the kiosk.
    window.location.reload();
  });

  return (
    <form noValidate onSubmit={start}>
      <ErrorSummary form={form} />
      <p>
        Participants can then find their name and answer the evaluation on this laptop, one after another, in English, Arabic
        or Polish. Only people signed in to this session can answer, once each. Your screens stay hidden until someone types the
        kiosk PIN.
      </p>
      {needsPin ? (
        <>
          <p>Choose a kiosk PIN first. Keep it to yourself: it is how you leave kiosk mode.</p>
          <PinField form={form} name="pin" label="Kiosk PIN" hint="4 to 8 digits." />
          <PinField form={form} name="repeat" label="Type the PIN again" />
        </>
      ) : (
        <p>To leave kiosk mode you will need the kiosk PIN chosen on this laptop before.</p>
      )}
      <div className="dialog__actions">
        <button type="submit" className="button" aria-disabled={form.saving || undefined}>
          {form.saving ? 'Starting…' : 'Start the evaluation'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** "Start the evaluation on this laptop": the kiosk in evaluation mode, with the PIN as for sign-in. */
export function StartEvaluation({ sessionId }: { sessionId: string }) {
  const [asking, setAsking] = useState<{ needsPin: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const ask = async () => {
    setProblem(null);
    try {
      const status = await call('kiosk.status', {});
      setAsking({ needsPin: !status.pinSet });
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'Something went wrong. Please try again.');
    }
  };

  return (
    <>
      <button type="button" className="button" onClick={() => void ask()}>
        Start the evaluation on this laptop
      </button>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
      {asking && (
        <Dialog title="Start the evaluation on this laptop?" onClose={() => setAsking(null)}>
          <StartForm sessionId={sessionId} needsPin={asking.needsPin} onCancel={() => setAsking(null)} />
        </Dialog>
      )}
    </>
  );
}
