import { useLocation } from 'wouter';
import { SyncSettingsInput, type ProcedureOutput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { numberText, wholeNumber } from '../../components/draft';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useForm, type Errors } from '../../components/form';
import { useAnnounce } from '../../components/status';

type SyncSettings = ProcedureOutput<'sync.settings'>;

interface SettingsDraft {
  inboxFolder: string;
  retentionDays: string;
}

function check(draft: SettingsDraft): Errors {
  return draft.retentionDays.trim() === '' ? { retentionDays: 'Enter how many days to keep the data.' } : {};
}

/**
 * Where the office's inbox is (a folder on this computer, or a shared or
 * synced one) and how long confirmed personal data is kept. A laptop has
 * no inbox, so it sees only the second.
 */
export function SyncSettingsForm({
  settings,
  withInbox,
  onSaved,
}: {
  settings: SyncSettings;
  withInbox: boolean;
  onSaved(settings: SyncSettings): void;
}) {
  const announce = useAnnounce();
  const [location] = useLocation();
  const form = useForm({
    id: 'sync-settings',
    initial: { inboxFolder: settings.inboxFolder ?? '', retentionDays: numberText(settings.retentionDays) },
    schema: SyncSettingsInput,
    toInput: (draft: SettingsDraft) => ({
      inboxFolder: withInbox ? draft.inboxFolder : settings.inboxFolder,
      retentionDays: wholeNumber(draft.retentionDays),
    }),
    check,
  });
  const save = form.onSubmit(async (input) => {
    const saved = await call('sync.saveSettings', input);
    announce('Settings saved.', location);
    onSaved(saved);
  });
  return (
    <form className="record-form" noValidate onSubmit={save}>
      <ErrorSummary form={form} />
      {withInbox && (
        <TextField
          form={form}
          name="inboxFolder"
          label="Inbox folder"
          optional
          hint="The full path of a folder on this computer, or a shared or synced one, where laptops' files arrive. For example: C:\Users\Office\OneDrive\Fieldbook inbox"
        />
      )}
      <TextField
        form={form}
        name="retentionDays"
        label="Days to keep personal data once the office has it"
        hint="After the office confirms it has a laptop's file, the personal data in it is removed from the laptop after this many days."
        inputMode="numeric"
        width="short"
      />
      <div className="form-actions">
        <button type="submit" className="button button--secondary" aria-disabled={form.saving || undefined}>
          {form.saving ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
