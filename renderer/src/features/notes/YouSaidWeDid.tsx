import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { noteStatuses, type SessionNote } from '../../../../shared/contract';
import { ApiError, call } from '../../api/client';
import { useDevice } from '../../app/device';
import { ErrorMessage } from '../../components/fields';
import { plural } from '../../components/format';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import { useRemembered } from '../../components/useRemembered';
import { CorrectNote } from './CorrectNote';
import { NoteCard, statusLabels } from './NoteCard';
import { useMayCall } from '../staff/may-call';
import '../../styles/evaluation.css';
import './notes.css';

type Filter = SessionNote['status'] | 'all';

/** "What we did", and whether that answers it (responded) or it is closed without more to do. */
function RespondForm({ note, saved }: { note: SessionNote; saved(note: SessionNote): void }) {
  const [response, setResponse] = useState(note.response ?? '');
  const [status, setStatus] = useState<'responded' | 'closed'>(note.status === 'closed' ? 'closed' : 'responded');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = `respond-${note.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (response.trim() === '') {
      setError('Write what was done, or why it is closed.');
      box.current?.focus();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      saved(await call('notes.respond', { id: note.id, response, status }));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Something went wrong and nothing was saved. Please try again.');
      box.current?.focus();
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="note-respond" noValidate onSubmit={(event) => void submit(event)}>
      <div className={error ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor={id}>
          {note.response ? 'Change the response' : 'Record a response'}
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          What was done about it, in words the participants could read.
        </p>
        <ErrorMessage id={error ? `${id}-error` : undefined} message={error ?? undefined} />
        <textarea
          ref={box}
          id={id}
          className="input input--full"
          rows={3}
          value={response}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setResponse(event.target.value)}
        />
      </div>
      <fieldset className="field">
        <legend className="field__label">Status</legend>
        <div className="radios radios--inline">
          {(['responded', 'closed'] as const).map((choice) => (
            <div className="radio" key={choice}>
              <input
                className="radio__input"
                type="radio"
                id={`${id}-${choice}`}
                name={`${id}-status`}
                checked={status === choice}
                onChange={() => setStatus(choice)}
              />
              <label className="radio__label" htmlFor={`${id}-${choice}`}>
                {statusLabels[choice]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="button" aria-disabled={saving || undefined}>
        {saving ? 'Saving…' : 'Save response'}
        <span className="visually-hidden"> to the note from {note.sessionLabel}</span>
      </button>
    </form>
  );
}

/**
 * The "You said, we did" log: everything facilitators noted in sessions, and
 * what the office did about it. Filtered by status; at the office each note
 * can be corrected (a new version of its text, the earlier kept beneath it),
 * get a response or a changed one (the earlier response kept the same way),
 * and be marked responded or closed.
 */
export function YouSaidWeDid() {
  const [filter, setFilter] = useRemembered('/you-said-we-did:status', 'open');
  const chosen = (['all', ...noteStatuses] as string[]).includes(filter) ? (filter as Filter) : 'all';
  const [version, setVersion] = useState(0);
  const notes = useAsync(() => call('notes.list', chosen === 'all' ? {} : { status: chosen }), [chosen, version]);
  const announce = useAnnounce();
  const [location] = useLocation();
  const list = useRef<HTMLUListElement>(null);
  /** After a save the list is read again (a note may leave this filter): focus goes to the note now in its place. */
  const focusAt = useRef<{ index: number; stale: unknown } | null>(null);

  useEffect(() => {
    const target = focusAt.current;
    if (!target || notes.status !== 'ready' || notes.data === target.stale) return;
    focusAt.current = null;
    const links = list.current?.querySelectorAll<HTMLElement>('.note-card__title a');
    const next = links?.[Math.min(target.index, links.length - 1)] ?? document.querySelector<HTMLElement>('h1');
    next?.focus();
  }, [notes]);

  // The office answers notes (db/write-policy.ts); a laptop shows what it raised and what the office did.
  const responds = useDevice().role === 'office';
  // A viewer on the office server reads the log; the core would refuse a correction or a response.
  const mayCorrect = useMayCall('notes.correct');
  const mayRespond = useMayCall('notes.respond');

  return (
    <Page title="You said, we did">
      <p className="lead">What participants raised in sessions, and what we did about it.</p>
      {!responds && <p>The central office records what was done; its answers reach this laptop in the next package.</p>}
      <fieldset className="field">
        <legend className="field__label">Show</legend>
        <div className="radios radios--inline">
          {(['open', 'responded', 'closed', 'all'] as const).map((choice) => (
            <div className="radio" key={choice}>
              <input
                className="radio__input"
                type="radio"
                id={`notes-filter-${choice}`}
                name="notes-filter"
                checked={chosen === choice}
                onChange={() => setFilter(choice)}
              />
              <label className="radio__label" htmlFor={`notes-filter-${choice}`}>
                {choice === 'all' ? 'All' : statusLabels[choice]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <p className="visually-hidden" aria-live="polite">
        {notes.status === 'ready' ? `${plural(notes.data.length, 'note')} shown.` : ''}
      </p>
      {notes.status === 'failed' && <LoadFailed message={notes.message} />}
      {notes.data === undefined && notes.status === 'loading' && <Loading what="notes" />}
      {notes.data?.length === 0 && <p className="empty">There are no notes to show.</p>}
      {notes.data && notes.data.length > 0 && (
        <ul className="note-cards" ref={list}>
          {notes.data.map((note, index) => (
            <NoteCard key={note.id} note={note} headingLevel="h2" showSession>
              {responds && mayCorrect && (
                <CorrectNote
                  note={note}
                  corrected={() => {
                    // The note keeps its place in the list: only its text changed.
                    setVersion((count) => count + 1);
                  }}
                />
              )}
              {responds && mayRespond && (
                <RespondForm
                  note={note}
                  saved={(updated) => {
                    focusAt.current = { index, stale: notes.data };
                    announce(`Response saved: ${statusLabels[updated.status].toLowerCase()}.`, location);
                    setVersion((count) => count + 1);
                  }}
                />
              )}
            </NoteCard>
          ))}
        </ul>
      )}
    </Page>
  );
}
