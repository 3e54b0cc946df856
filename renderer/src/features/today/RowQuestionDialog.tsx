import type { RosterEntry } from '../../../../shared/contract';
import { call } from '../../api/client';
import { plural } from '../../components/format';
import { ReasonDialog } from '../waitlist/ReasonDialog';
import { Dialog } from './Dialog';
import type { RowQuestion } from './RowActions';
import type { RosterApi } from './useRoster';

const questions: Record<Exclude<RowQuestion, 'overCapacity'>, {
  title(name: string): string;
  text: string;
  yes: string;
  no: string;
  run(api: RosterApi, entry: RosterEntry): Promise<boolean>;
}> = {
  cancel: {
    title: (name) => `Cancel ${name}'s booking?`,
    text: 'Their place on this session will be free for someone else. You can book them again later if there is room.',
    yes: 'Yes, cancel the booking',
    no: 'No, keep it',
    run: (api, entry) => api.cancelBooking('table', entry),
  },
  undo: {
    title: (name) => `Undo ${name}'s sign-in?`,
    text: 'Only if they were signed in by mistake or have left. They will show as booked again. The sign-in and its undoing both stay in the booking’s history.',
    yes: 'Yes, undo the sign-in',
    no: 'No, keep them signed in',
    run: (api, entry) => api.undo('table', entry),
  },
};

/**
 * The question before a row's change that takes something back: cancelling a
 * booking, undoing a sign-in. The safe answer comes second, as GOV.UK's
 * "are you sure" pages have it, and Escape keeps things as they are.
 */
export function RowQuestionDialog({ api, question, entry, onClose, onDone }: {
  api: RosterApi;
  question: RowQuestion;
  entry: RosterEntry;
  onClose(): void;
  onDone(): void;
}) {
  if (question === 'overCapacity') return <OverCapacityDialog api={api} entry={entry} onClose={onClose} onDone={onDone} />;
  const words = questions[question];
  return (
    <Dialog title={words.title(entry.name)} onClose={onClose}>
      <p>{words.text}</p>
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--warning"
          aria-disabled={api.busy || undefined}
          onClick={() => {
            void words.run(api, entry).then((done) => (done ? onDone() : onClose()));
          }}
        >
          {words.yes}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {words.no}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * "Sign in anyway": someone at the door of a full session (a late arrival
 * whose place was released) when the room has space. The reason is required,
 * kept in the booking's history, and the office sees the session flagged as
 * over capacity.
 */
function OverCapacityDialog({ api, entry, onClose, onDone }: {
  api: RosterApi;
  entry: RosterEntry;
  onClose(): void;
  onDone(): void;
}) {
  const { capacity } = api.roster.counts;
  return (
    <ReasonDialog
      question={{
        title: `Sign in ${entry.name} although the session is full?`,
        explain: `All ${plural(capacity, 'place')} are taken. Only if the room has space: ${entry.name} gets a place beyond capacity and is signed in, and the office is told the session is over capacity.`,
        hint: 'For example: arrived late, the room has space. It is kept in the booking’s history and shown to the office.',
        whenEmpty: `Write why ${entry.name} can be signed in although the session is full.`,
        confirm: 'Sign in over capacity',
        save: async (reason) => {
          const next = await call('signIn.signInOverCapacity', { sessionId: api.sessionId, personId: entry.personId, reason });
          api.adopt(next, `${entry.name} signed in over capacity. The office will see the session flagged.`);
        },
      }}
      onCancel={onClose}
      onDone={onDone}
    />
  );
}
