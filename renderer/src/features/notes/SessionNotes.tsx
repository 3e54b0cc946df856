import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { procedures } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextArea, TextField } from '../../components/fields';
import { useForm, type Errors } from '../../components/form';
import { LoadFailed, Loading } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import { CorrectNote } from './CorrectNote';
import { NoteCard, suggestedTags } from './NoteCard';
import { IfMayCall } from '../staff/IfMayCall';
import '../../styles/evaluation.css';
import './notes.css';

interface NoteDraft {
  text: string;
  /** The suggested tags ticked. */
  chosen: string[];
  /** Any others, typed with commas between. */
  otherTags: string;
  needsResponse: boolean;
}

const blank: NoteDraft = { text: '', chosen: [], otherTags: '', needsResponse: false };

const typedTags = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

function check(draft: NoteDraft): Errors {
  const errors: Errors = {};
  if (draft.text.trim() === '') errors.text = 'Write what was raised.';
  const typed = typedTags(draft.otherTags);
  if (typed.some((tag) => tag.length > 40)) errors.otherTags = 'Shorten each tag to 40 characters or fewer.';
  else if (typed.length + draft.chosen.length > 12) errors.otherTags = 'Keep to 12 tags or fewer on a note.';
  return errors;
}

/** `again`: a note was just added; focus waits in the emptied box for the next one. */
function AddNote({ sessionId, again, added }: { sessionId: string; again: boolean; added(): void }) {
  const announce = useAnnounce();
  const [location] = useLocation();
  const form = useForm({
    id: 'note',
    initial: blank,
    schema: procedures['notes.add'].input,
    toInput: (draft: NoteDraft) => ({
      sessionId,
      text: draft.text,
      tags: [...draft.chosen, ...typedTags(draft.otherTags)],
      needsResponse: draft.needsResponse,
    }),
    check,
  });
  const save = form.onSubmit(async (input) => {
    await call('notes.add', input);
    announce('Note added.', location);
    added();
  });
  useEffect(() => {
    if (again) document.getElementById(form.idFor('text'))?.focus();
    // Only when the emptied form first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const toggle = (tag: string) =>
    form.set('chosen', form.draft.chosen.includes(tag) ? form.draft.chosen.filter((chosen) => chosen !== tag) : [...form.draft.chosen, tag]);

  return (
    <form className="record-form" noValidate onSubmit={save}>
      <ErrorSummary form={form} />
      <TextArea
        form={form}
        name="text"
        label="What was raised"
        hint="In plain words. Leave out names and anything else that could identify a participant."
      />
      <fieldset className="field">
        <legend className="field__label">Tags</legend>
        <p className="field__hint">Choose any that fit, and add your own.</p>
        <div className="radios--inline">
          {suggestedTags.map((tag) => (
            <div className="checkbox" key={tag}>
              <input
                id={form.idFor(`tag-${tag.replace(/\s/g, '-')}`)}
                className="checkbox__input"
                type="checkbox"
                checked={form.draft.chosen.includes(tag)}
                onChange={() => toggle(tag)}
              />
              <label className="checkbox__label" htmlFor={form.idFor(`tag-${tag.replace(/\s/g, '-')}`)}>
                {tag}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextField form={form} name="otherTags" label="Other tags" optional hint="Separate tags with commas, for example: transport, childcare." />
      <div className="field">
        <div className="checkbox">
          <input
            id={form.idFor('needsResponse')}
            className="checkbox__input"
            type="checkbox"
            aria-describedby={`${form.idFor('needsResponse')}-hint`}
            checked={form.draft.needsResponse}
            onChange={(event) => form.set('needsResponse', event.target.checked)}
          />
          <label className="checkbox__label" htmlFor={form.idFor('needsResponse')}>
            Needs a response
          </label>
          <p className="radio__hint" id={`${form.idFor('needsResponse')}-hint`}>
            The office will see it in “You said, we did” and record what was done.
          </p>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={form.saving || undefined}>
          {form.saving ? 'Adding…' : 'Add note'}
        </button>
      </div>
    </form>
  );
}

/** What was raised in the session: a new note, then the notes so far, newest first. */
export function SessionNotes({ sessionId }: { sessionId: string }) {
  // Notes added (each empties the form for the next) and notes corrected (the form stays as it is): either reads the list again.
  const [added, setAdded] = useState(0);
  const [corrected, setCorrected] = useState(0);
  const notes = useAsync(() => call('notes.list', { sessionId }), [sessionId, added, corrected]);
  return (
    <>
      {/* A viewer on the office server reads the notes; the core would refuse adding or correcting one. */}
      <IfMayCall name="notes.add">
        <h3>Add a note</h3>
        <AddNote key={added} sessionId={sessionId} again={added > 0} added={() => setAdded((count) => count + 1)} />
      </IfMayCall>
      <h3>Notes from this session</h3>
      {notes.status === 'failed' && <LoadFailed message={notes.message} />}
      {notes.data === undefined && notes.status === 'loading' && <Loading what="notes" />}
      {notes.data?.length === 0 && <p className="empty">No notes yet.</p>}
      {notes.data && notes.data.length > 0 && (
        <ul className="note-cards">
          {notes.data.map((note) => (
            <NoteCard key={note.id} note={note} headingLevel="h4">
              <IfMayCall name="notes.correct">
                <CorrectNote note={note} corrected={() => setCorrected((count) => count + 1)} />
              </IfMayCall>
            </NoteCard>
          ))}
        </ul>
      )}
    </>
  );
}
