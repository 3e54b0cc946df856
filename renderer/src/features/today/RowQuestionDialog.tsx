import type { RosterEntry } from '../../../../shared/contract';
import { Dialog } from './Dialog';
import type { RowQuestion } from './RowActions';
import type { RosterApi } from './useRoster';

const questions: Record<RowQuestion, {
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
