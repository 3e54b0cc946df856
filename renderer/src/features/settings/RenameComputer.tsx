import { useLocation } from 'wouter';
import { RenameDeviceInput, type SettingsStatus } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ChangedSinceOpened } from '../../components/ChangedSinceOpened';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useForm } from '../../components/form';
import { useAnnounce } from '../../components/status';

/** This computer's name: shown in the header, on its end-of-day files and in every history it writes from now on. */
export function RenameComputer({ settings, onSaved }: { settings: SettingsStatus; onSaved(settings: SettingsStatus): void }) {
  const announce = useAnnounce();
  const [location] = useLocation();
  const form = useForm({
    id: 'computer',
    initial: { name: settings.deviceName },
    schema: RenameDeviceInput,
    toInput: (draft: { name: string }) => draft,
    opened: {
      version: settings.version,
      fromRecord: (record) => ({ name: (record as SettingsStatus).deviceName }),
      describe: (draft) => [{ label: 'Computer name', value: draft.name.trim() }],
    },
  });
  const save = form.onSubmit(async (input, version) => {
    const saved = await call('settings.renameDevice', { ...input, version });
    announce(`This computer is now called ${saved.deviceName}.`, location);
    onSaved(saved);
    return saved;
  });
  return (
    <form className="record-form" noValidate onSubmit={save}>
      <ChangedSinceOpened form={form} />
      <ErrorSummary form={form} />
      <TextField
        form={form}
        name="name"
        label="Computer name"
        hint="For example Hall laptop 2. What this computer records from now on carries the new name; what it recorded before keeps the old one."
        maxLength={80}
      />
      <div className="form-actions">
        <button type="submit" className="button button--secondary" aria-disabled={form.saving || undefined}>
          {form.saving ? 'Saving…' : 'Save name'}
        </button>
      </div>
    </form>
  );
}
