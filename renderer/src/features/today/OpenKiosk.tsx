import { useState } from 'react';
import { procedures, type KioskMode } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useForm, type Errors } from '../../components/form';
import { Dialog } from './Dialog';
import { messageOf } from './useRoster';

interface PinDraft {
  pin: string;
  repeat: string;
}

/** The words of the one kiosk dialog, for each thing the kiosk can be opened for. */
const wording: Record<KioskMode, { button: string; title: string; submit: string; saving: string; intro: string }> = {
  sign_in: {
    button: 'Open kiosk for this session',
    title: 'Open the kiosk for this session?',
    submit: 'Open the kiosk',
    saving: 'Opening…',
    intro: 'Participants can then find their name and sign themselves in on this laptop. Your screens stay hidden until someone types the kiosk PIN.',
  },
  evaluation: {
    button: 'Start the evaluation on this laptop',
    title: 'Start the evaluation on this laptop?',
    submit: 'Start the evaluation',
    saving: 'Starting…',
    intro:
      'Participants can then find their name and answer the evaluation on this laptop, one after another, in English, Arabic or Polish. Only people signed in to this session can answer, once each. Your screens stay hidden until someone types the kiosk PIN.',
  },
};

/** The PIN is checked by the contract's own kiosk.start schema; typing it twice catches a slip. */
function KioskStartForm({ sessionId, mode, needsPin, onCancel }: { sessionId: string; mode: KioskMode; needsPin: boolean; onCancel(): void }) {
  const words = wording[mode];
  const form = useForm({
    id: `kiosk-${mode}`,
    initial: { pin: '', repeat: '' },
    schema: procedures['kiosk.start'].input,
    toInput: (draft: PinDraft) => ({ sessionId, pin: needsPin ? draft.pin : undefined, mode }),
    check: (draft: PinDraft): Errors => {
      if (!needsPin) return {};
      if (draft.pin === '') return { pin: 'Choose a PIN of 4 to 8 digits.' };
      if (draft.repeat === '') return { repeat: 'Type the PIN again.' };
      return draft.repeat === draft.pin ? {} : { repeat: 'The two PINs are not the same. Type the PIN again.' };
    },
  });
  const start = form.onSubmit(async (input) => {
    await call('kiosk.start', input);
    // The app's start asks the core whether the kiosk is on, and shows only the kiosk when it is.
    window.location.reload();
  });

  return (
    <form noValidate onSubmit={start}>
      <ErrorSummary form={form} />
      <p>{words.intro}</p>
      {needsPin ? (
        <>
          <p>Choose a kiosk PIN first. Keep it to yourself: it is how you leave kiosk mode.</p>
          {/* Hidden as it is typed (participants may be looking), number keypad on touch screens. */}
          <TextField form={form} name="pin" label="Kiosk PIN" hint="4 to 8 digits." type="password" inputMode="numeric" width="short" maxLength={8} />
          <TextField form={form} name="repeat" label="Type the PIN again" type="password" inputMode="numeric" width="short" maxLength={8} />
        </>
      ) : (
        <p>To leave kiosk mode you will need the kiosk PIN chosen on this laptop before.</p>
      )}
      <div className="dialog__actions">
        <button type="submit" className="button" aria-disabled={form.saving || undefined}>
          {form.saving ? words.saving : words.submit}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * "Open kiosk for this session" (or "Start the evaluation on this laptop"):
 * asks for a PIN the first time, then hands the laptop to participants.
 */
export function OpenKiosk({ sessionId, mode = 'sign_in', primary = false }: { sessionId: string; mode?: KioskMode; primary?: boolean }) {
  const words = wording[mode];
  const [asking, setAsking] = useState<{ needsPin: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const ask = async () => {
    setProblem(null);
    try {
      const status = await call('kiosk.status', {});
      setAsking({ needsPin: !status.pinSet });
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  return (
    <>
      <button type="button" className={primary ? 'button' : 'button button--secondary'} onClick={() => void ask()}>
        {words.button}
      </button>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
      {asking && (
        <Dialog title={words.title} onClose={() => setAsking(null)}>
          <KioskStartForm sessionId={sessionId} mode={mode} needsPin={asking.needsPin} onCancel={() => setAsking(null)} />
        </Dialog>
      )}
    </>
  );
}
