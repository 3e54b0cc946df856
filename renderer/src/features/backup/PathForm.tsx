import { z } from 'zod';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useForm } from '../../components/form';

const PathInput = z.strictObject({
  path: z.string().trim().min(1, { error: 'Enter the whole path, for example /media/stick or E:\\Backups.' }).max(1000, { error: 'Shorten the path to 1,000 characters or fewer.' }),
});

/**
 * One path typed in and one action on it: the backup folder, a stick to back
 * up to, or a backup file to check. The core checks the path itself (whole,
 * writable, a real backup) and its refusal is shown here.
 */
export function PathForm({
  id,
  label,
  hint,
  initial = '',
  action,
  busyLabel,
  onSubmit,
}: {
  id: string;
  label: string;
  hint: string;
  initial?: string;
  action: string;
  busyLabel: string;
  onSubmit(path: string): Promise<void>;
}) {
  const form = useForm({ id, initial: { path: initial }, schema: PathInput, toInput: (draft: { path: string }) => draft });
  const submit = form.onSubmit(async ({ path }) => onSubmit(path));
  return (
    <form className="record-form" noValidate onSubmit={submit}>
      <ErrorSummary form={form} />
      <TextField form={form} name="path" label={label} hint={hint} />
      <div className="form-actions">
        <button type="submit" className="button button--secondary" aria-disabled={form.saving || undefined}>
          {form.saving ? busyLabel : action}
        </button>
      </div>
    </form>
  );
}
