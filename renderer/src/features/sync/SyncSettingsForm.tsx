import { useLocation } from 'wouter';
import { SyncSettingsInput, type ProcedureOutput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { numberText, wholeNumber } from '../../components/draft';
import { ChangedSinceOpened } from '../../components/ChangedSinceOpened';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useForm, type Errors } from '../../components/form';
import { useAnnounce } from '../../components/status';
import { ChooseFolderButton } from '../settings/ChooseFolder';

type SyncSettings = ProcedureOutput<'sync.settings'>;

interface SettingsDraft {
  inboxFolder: string;
  retentionDays: string;
}

const settingsDraft = (settings: SyncSettings): SettingsDraft => ({ inboxFolder: settings.inboxFolder ?? '', retentionDays: numberText(settings.retentionDays) });

/**
 * The settings are per computer: the office has an inbox folder, a laptop
 * a retention window. Each role's screen edits its own and leaves the other.
 * The save takes both (and checks the version of both), so the draft holds
 * both: the other part as the form opened it, or as the refusal showed it
 * once someone else saved first.
 */
export function SyncSettingsForm({
  settings,
  part,
  onSaved,
}: {
  settings: SyncSettings;
  part: 'inbox' | 'retention';
  onSaved(settings: SyncSettings): void;
}) {
  const check = (draft: SettingsDraft): Errors =>
    part === 'retention' && draft.retentionDays.trim() === '' ? { retentionDays: 'Enter how many days to keep the data.' } : {};
  const announce = useAnnounce();
  const [location] = useLocation();
  const form = useForm({
    id: 'sync-settings',
    initial: settingsDraft(settings),
    schema: SyncSettingsInput,
    toInput: (draft: SettingsDraft) => ({ inboxFolder: draft.inboxFolder, retentionDays: wholeNumber(draft.retentionDays) }),
    check,
    opened: {
      version: settings.version,
      fromRecord: (record) => settingsDraft(record as SyncSettings),
      // The other part is not on screen: saving this one over theirs keeps theirs there.
      mineOverTheirs: (mine, theirs) => (part === 'inbox' ? { ...theirs, inboxFolder: mine.inboxFolder } : { ...theirs, retentionDays: mine.retentionDays }),
      // Only this screen's part is compared.
      describe: (draft) =>
        part === 'inbox'
          ? [{ label: 'Inbox folder', value: draft.inboxFolder.trim() || 'Not given' }]
          : [{ label: 'Days to keep personal data', value: draft.retentionDays.trim() }],
    },
  });
  const save = form.onSubmit(async (input, version) => {
    const saved = await call('sync.saveSettings', { ...input, version });
    announce(part === 'inbox' ? 'Inbox folder saved.' : 'Retention saved.', location);
    onSaved(saved);
    return saved;
  });
  return (
    <form className="record-form" noValidate onSubmit={save}>
      <ChangedSinceOpened form={form} />
      <ErrorSummary form={form} />
      {part === 'inbox' ? (
        <TextField
          form={form}
          name="inboxFolder"
          label="Inbox folder"
          optional
          hint="The full path of a folder on this computer, or a shared or synced one, where laptops' files arrive. For example: C:\Users\Office\OneDrive\Fieldbook inbox"
        />
      ) : (
        <TextField
          form={form}
          name="retentionDays"
          label="Days to keep personal data"
          hint="Once the office confirms it has a file, personal data from sessions that ended more than this many days ago is removed from this laptop."
          inputMode="numeric"
          width="short"
        />
      )}
      <div className="form-actions">
        {part === 'inbox' && <ChooseFolderButton title="Choose the inbox folder" onChosen={(path) => form.set('inboxFolder', path)} />}
        <button type="submit" className="button button--secondary" aria-disabled={form.saving || undefined}>
          {form.saving ? 'Saving…' : part === 'inbox' ? 'Save inbox folder' : 'Save'}
        </button>
      </div>
    </form>
  );
}
