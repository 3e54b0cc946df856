import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { procedures, type SessionNote } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextArea } from '../../components/fields';
import { useForm, type Errors } from '../../components/form';
import { useAnnounce } from '../../components/status';

/**
 * "Correct this note": the note's text in a box to change, saved as a new
 * version. The text as it was stays in the note's history, so a correction
 * never loses what was first written. Focus goes to the box on opening and
 * back to the button on closing.
 */
export function CorrectNote({ note, corrected }: { note: SessionNote; corrected(note: SessionNote): void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const reopened = useRef(false);
  useEffect(() => {
    if (!open && reopened.current) button.current?.focus();
    reopened.current = true;
  }, [open]);
  if (!open) {
    return (
      <p className="note-card__actions">
        <button ref={button} type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          Correct this note
        </button>
      </p>
    );
  }
  return (
    <CorrectionForm
      note={note}
      close={() => setOpen(false)}
      saved={(note) => {
        setOpen(false);
        corrected(note);
      }}
    />
  );
}

function CorrectionForm({ note, close, saved }: { note: SessionNote; close(): void; saved(note: SessionNote): void }) {
  const announce = useAnnounce();
  const [location] = useLocation();
  const form = useForm({
    id: `correct-${note.id}`,
    initial: { text: note.text },
    schema: procedures['notes.correct'].input,
    toInput: (draft: { text: string }) => ({ id: note.id, text: draft.text }),
    check: (draft): Errors => (draft.text.trim() === note.text ? { text: 'Change the text to correct the note: it says the same as now.' } : {}),
  });
  useEffect(() => {
    document.getElementById(form.idFor('text'))?.focus();
    // Only when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const save = form.onSubmit(async (input) => {
    const corrected = await call('notes.correct', input);
    announce('Note corrected. The earlier text is kept in its history.', location);
    saved(corrected);
  });
  return (
    <form className="record-form note-correct" noValidate onSubmit={save}>
      <ErrorSummary form={form} />
      <TextArea form={form} name="text" label="Corrected text" hint="The text as it is now stays in the note's history." />
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={form.saving || undefined}>
          {form.saving ? 'Saving…' : 'Save the correction'}
        </button>
        <button type="button" className="button button--secondary" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
