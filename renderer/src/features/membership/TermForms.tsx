import type { FormEvent, ReactNode } from 'react';
import { TermCancelFields, TermExemptFields, TermFeeFields, type Term, type VersionedTerm } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ChangedSinceOpened } from '../../components/ChangedSinceOpened';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useForm, type Errors, type FormApi } from '../../components/form';
import { longDate } from '../../components/format';
import { useMayChange } from '../staff/may-call';
import { todayLocal } from './parts';
import { pounds, typedPence } from './words';

/**
 * The changes to one term on a member's page: its fee, its cancellation and
 * the exemption of its joining. Each is opened at the term's version, so when
 * someone else changed the term since, the save is refused and their values
 * are shown beside these to choose from, as on every record form.
 */

interface TermFormProps {
  term: VersionedTerm;
  onChanged(message: string): void;
}

/** One small form: its title, what was refused, its fields and its button. */
function TermForm<D>({ title, button, form, onSubmit, children }: { title: string; button: string; form: FormApi<D>; onSubmit(event: FormEvent): void; children: ReactNode }) {
  // Each changes a membership: a viewer on the office server reads the terms, and the core would refuse the rest.
  const mayChange = useMayChange();
  if (!mayChange) return null;
  return (
    <form className="record-form" noValidate onSubmit={onSubmit} aria-label={title}>
      <h4>{title}</h4>
      <ChangedSinceOpened form={form} />
      <ErrorSummary form={form} />
      {children}
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={form.saving || undefined}>
          {form.saving ? 'Saving…' : button}
        </button>
      </div>
    </form>
  );
}

interface FeeDraft {
  feePence: string;
  paidOn: string;
}

const feeDraft = (term: Pick<Term, 'feePence' | 'paidOn'>): FeeDraft => ({
  feePence: term.feePence === null ? '' : (term.feePence / 100).toFixed(2),
  paidOn: term.paidOn ?? '',
});

export function RecordFee({ term, onChanged }: TermFormProps) {
  const form = useForm({
    id: `fee-${term.id}`,
    initial: feeDraft(term),
    schema: TermFeeFields,
    toInput: (draft: FeeDraft) => ({ feePence: typedPence(draft.feePence), paidOn: draft.paidOn || null }),
    check: (draft: FeeDraft): Errors => (Number.isNaN(typedPence(draft.feePence)) ? { feePence: 'Enter the fee in pounds, like 25 or 25.00.' } : {}),
    opened: {
      version: term.version,
      fromRecord: (record) => feeDraft(record as Term),
      describe: (draft) => [
        { label: 'Fee', value: Number.isNaN(typedPence(draft.feePence)) ? draft.feePence : pounds(typedPence(draft.feePence)) },
        { label: 'Paid on', value: draft.paidOn ? longDate(draft.paidOn) : 'Unpaid' },
      ],
    },
  });
  const save = form.onSubmit(async (input, version) => {
    await call('members.recordFee', { termId: term.id, version, ...input });
    onChanged('Fee recorded.');
  });
  return (
    <TermForm title={`Record the fee for the term from ${longDate(term.startsOn)}`} button="Record fee" form={form} onSubmit={save}>
      <TextField form={form} name="feePence" label="Fee (£)" width="short" inputMode="numeric" />
      <TextField form={form} name="paidOn" label="Paid on" hint="Leave blank if unpaid." type="date" width="medium" />
    </TermForm>
  );
}

export function CancelTerm({ term, onChanged }: TermFormProps) {
  const form = useForm({
    id: `cancel-${term.id}`,
    initial: { cancelledOn: todayLocal() },
    schema: TermCancelFields,
    toInput: (draft: { cancelledOn: string }) => draft,
    opened: {
      version: term.version,
      fromRecord: (record) => ({ cancelledOn: (record as Term).cancelledOn ?? '' }),
      describe: (draft) => [{ label: 'Cancelled from', value: draft.cancelledOn ? longDate(draft.cancelledOn) : 'Not cancelled' }],
    },
  });
  const save = form.onSubmit(async (input, version) => {
    await call('members.cancel', { termId: term.id, version, ...input });
    onChanged('Term cancelled.');
  });
  return (
    <TermForm title={`Cancel the term from ${longDate(term.startsOn)}`} button="Cancel term" form={form} onSubmit={save}>
      <TextField form={form} name="cancelledOn" label="Cancelled from" type="date" width="medium" />
    </TermForm>
  );
}

/** `term` is the joining's first term, where the reason is kept (and whose version is checked). */
export function ExemptJoining({ term, onChanged }: TermFormProps) {
  const form = useForm({
    id: `exempt-${term.id}`,
    initial: { reason: '' },
    schema: TermExemptFields,
    toInput: (draft: { reason: string }) => draft,
    opened: {
      version: term.version,
      fromRecord: (record) => ({ reason: (record as Term).exemptReason ?? '' }),
      describe: (draft) => [{ label: 'Reason', value: draft.reason.trim() || 'Not exempt' }],
    },
  });
  const save = form.onSubmit(async (input, version) => {
    await call('members.exempt', { termId: term.id, version, ...input });
    onChanged('Marked exempt.');
  });
  return (
    <TermForm title="Exempt from the training requirement" button="Mark exempt" form={form} onSubmit={save}>
      <TextField form={form} name="reason" label="Reason" hint="Required: for example, completed the course with another provider." width="medium" maxLength={300} />
    </TermForm>
  );
}
