import { useState } from 'react';
import type { ProcedureOutput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { LoadFailed, Loading } from '../../components/Page';
import { useAsync } from '../../components/useAsync';
import { ImportResults, resultsText, type FileResult } from './ImportResults';
import { Refusal } from './parts';
import { SyncSettingsForm } from './SyncSettingsForm';
import { problemAt, useAction } from './useAction';
import { useMayCall } from '../staff/may-call';

/** The watched inbox folder: where it is, and importing whatever has arrived in it. */
export function Inbox({ onImported }: { onImported(): void }) {
  const [saved, setSaved] = useState<ProcedureOutput<'sync.settings'> | null>(null);
  const [checked, setChecked] = useState<{ folder: string; files: FileResult[] } | null>(null);
  const settings = useAsync(() => call('sync.settings', {}), []);
  const current = saved ?? settings.data;
  const action = useAction(onImported);
  // On the office server only an admin changes the settings; a coordinator checks the inbox an admin chose.
  const mayChooseFolder = useMayCall('sync.saveSettings');

  const checkNow = () =>
    void action
      .run(
        'inbox',
        () => call('sync.importInbox', {}),
        (result) => (result.files.length === 0 ? `No new files in ${result.folder}.` : `Inbox checked. ${resultsText(result.files)}`),
      )
      .then((result) => result && setChecked(result));

  return (
    <section className="sync-section" aria-labelledby="inbox-heading">
      <h2 id="inbox-heading">Files arriving in a folder</h2>
      <p>Laptops can also drop their files in a shared or synced folder. Fieldbook imports what arrives there.</p>
      {settings.status === 'failed' && <LoadFailed message={settings.message} />}
      {current === undefined && settings.status === 'loading' && <Loading what="the inbox settings" />}
      {current !== undefined && (
        <>
          {mayChooseFolder ? (
            <SyncSettingsForm settings={current} part="inbox" onSaved={setSaved} />
          ) : (
            current.inboxFolder && <p>Inbox folder: {current.inboxFolder}</p>
          )}
          {current.inboxFolder ? (
            <>
              <div className="button-row">
                <button type="button" className="button" aria-disabled={action.busy || undefined} onClick={checkNow}>
                  Check inbox now
                </button>
              </div>
              <Refusal message={problemAt(action, 'inbox')} />
            </>
          ) : (
            <p className="muted">{mayChooseFolder ? 'Save an inbox folder to check it.' : 'Ask an admin to save an inbox folder; it can then be checked here.'}</p>
          )}
          {checked && (
            <>
              <h3>From {checked.folder}</h3>
              {checked.files.length === 0 ? (
                <p className="empty">No new files were in the inbox.</p>
              ) : (
                <ImportResults results={checked.files} label="Files from the inbox" />
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
