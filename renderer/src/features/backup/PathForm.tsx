import { z } from 'zod';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { ChangedSinceOpened } from '../../components/ChangedSinceOpened';
import { useForm, type OpenedRecord } from '../../components/form';
import { ChooseFolderButton } from '../settings/ChooseFolder';

const PathInput = z.strictObject({
  path: z.string().trim().min(1, { error: 'Enter the whole path, for example /media/stick or E:\\Backups.' }).max(1000, { error: 'Shorten the path to 1,000 characters or fewer.' }),
});

/**
 * One path typed in and one action on it: the backup folder, a stick to back
 * up to, or a backup file to check. The core checks the path itself (whole,
 * writable, a real backup) and its refusal is shown here. A folder can be
 * chosen with the desktop app's folder picker instead of typed.
 */
export function PathForm({
  id,
  label,
  hint,
  initial = '',
  action,
  busyLabel,
  chooseFolder,
  opened,
  onSubmit,
}: {
  id: string;
  label: string;
  hint: string;
  initial?: string;
  action: string;
  busyLabel: string;
  /** The folder picker's title, for a folder (not a file): "Choose folder…" in the desktop app. */
  chooseFolder?: string;
  /** For a saved setting (the backup folder): the version it was read at, sent back with the save, and someone else's newer one shown beside this. */
  opened?: OpenedRecord<{ path: string }>;
  /** Resolves, for a saved setting, to what it saved, so the next save sends that version. */
  onSubmit(path: string, version: string): Promise<void | { version: string }>;
}) {
  const form = useForm({ id, initial: { path: initial }, schema: PathInput, toInput: (draft: { path: string }) => draft, opened });
  const submit = form.onSubmit(async ({ path }, version) => onSubmit(path, version));
  return (
    <form className="record-form" noValidate onSubmit={submit}>
      <ChangedSinceOpened form={form} />
      <ErrorSummary form={form} />
      <TextField form={form} name="path" label={label} hint={hint} />
      <div className="form-actions">
        {chooseFolder && <ChooseFolderButton title={chooseFolder} onChosen={(path) => form.set('path', path)} />}
        <button type="submit" className="button button--secondary" aria-disabled={form.saving || undefined}>
          {form.saving ? busyLabel : action}
        </button>
      </div>
    </form>
  );
}
