import { procedures } from '../../../../shared/contract';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useForm, type Errors } from '../../components/form';
import { Dialog } from '../today/Dialog';
import { TextField } from '../../components/fields';

/** The contract's one rule for a reason (required, at most 300 characters), used by every action that asks for one. */
const ReasonFields = procedures['bookings.move'].input.pick({ reason: true });

export interface ReasonQuestion {
  /** "Move Femi Test up the waiting list?" */
  title: string;
  /** A sentence on what will happen, read after the title. */
  explain?: string;
  /** Under the label: where the reason will be shown. */
  hint: string;
  /** Plain words for an empty reason: "Write why Femi Test is moving up." */
  whenEmpty: string;
  /** The button that does it: "Move up". */
  confirm: string;
  /** A red-edged button, for removing or declining. */
  warning?: boolean;
  /** Does the change; a refusal (ApiError) is shown in the dialog and nothing closes. */
  save(reason: string): Promise<void>;
}

interface ReasonDraft {
  reason: string;
}

function ReasonForm({ question, onDone, onCancel }: { question: ReasonQuestion; onDone(): void; onCancel(): void }) {
  const form = useForm({
    id: 'reason',
    initial: { reason: '' },
    schema: ReasonFields,
    toInput: (draft: ReasonDraft) => ({ reason: draft.reason }),
    check: (draft: ReasonDraft): Errors => (draft.reason.trim() === '' ? { reason: question.whenEmpty } : {}),
  });
  const submit = form.onSubmit(async ({ reason }) => {
    await question.save(reason);
    onDone();
  });
  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary form={form} />
      {question.explain && <p>{question.explain}</p>}
      <TextField form={form} name="reason" label="Reason" hint={question.hint} />
      <div className="dialog__actions">
        <button
          type="submit"
          className={question.warning ? 'button button--warning' : 'button'}
          aria-disabled={form.saving || undefined}
        >
          {form.saving ? 'Saving…' : question.confirm}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * One dialog for every change that needs a reason: moving someone in the
 * waiting list, removing them, passing on an offered place, declining a
 * request. The reason is required; an empty one is refused beside the field
 * and nothing is sent.
 */
export function ReasonDialog({
  question,
  onDone,
  onCancel,
}: {
  question: ReasonQuestion;
  onDone(): void;
  onCancel(): void;
}) {
  return (
    <Dialog title={question.title} onClose={onCancel}>
      <ReasonForm question={question} onDone={onDone} onCancel={onCancel} />
    </Dialog>
  );
}
