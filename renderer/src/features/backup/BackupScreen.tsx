import { useState } from 'react';
import { useLocation } from 'wouter';
import type { BackupFile, BackupStatus } from '../../../../shared/contract';
import { call } from '../../api/client';
import { plural } from '../../components/format';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import '../../styles/sync.css';
import { PathForm } from './PathForm';
import { RestoreBackup, RestoredNotice } from './RestoreBackup';

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

function BackupList({ backups }: { backups: BackupFile[] }) {
  if (backups.length === 0) return <p className="empty">There are no backups in this folder yet.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">Backups in the folder, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Taken</th>
          <th scope="col">File</th>
          <th scope="col">Size</th>
        </tr>
      </thead>
      <tbody>
        {backups.map((backup) => (
          <tr key={backup.fileName}>
            <td>{when(backup.takenAt)}</td>
            <td>{backup.fileName}</td>
            <td>{megabytes(backup.bytes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Backups of this computer's database: the daily one into a chosen folder
 * (the newest 14 kept), one now into any folder (a stick), and a check of a
 * backup file, checked, restored over this computer's data. See docs/backup.md.
 */
export function BackupScreen() {
  const [version, setVersion] = useState(0);
  const [backingUp, setBackingUp] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const status = useAsync(() => call('backup.status', {}), [version]);
  const announce = useAnnounce();
  const [location] = useLocation();
  const reload = () => setVersion((current) => current + 1);

  const backUp = async (folder?: string) => {
    const taken = await call('backup.now', folder === undefined ? {} : { folder });
    announce(`Backed up to ${taken.path} (${megabytes(taken.bytes)}).`, location);
    reload();
  };

  /** One backup at a time: a second press while one is being written does nothing. */
  const backUpNow = () => {
    if (backingUp) return;
    setBackingUp(true);
    setProblem(null);
    backUp()
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : 'The backup could not be written. Try again.'))
      .finally(() => setBackingUp(false));
  };

  return (
    <Page title="Backups">
      <RestoredNotice />
      {status.status === 'failed' && <LoadFailed message={status.message} />}
      {status.data === undefined && status.status === 'loading' && <Loading what="this computer's backups" />}
      {status.data && (
        <>
          <section className="sync-section" aria-labelledby="daily-backup">
            <h2 id="daily-backup">Daily backup</h2>
            <p>
              {status.data.folder
                ? `Fieldbook backs up to ${status.data.folder} once a day while it is open, and keeps the newest ${status.data.kept}.`
                : 'Choose a folder, on another disk or a shared drive, and Fieldbook backs up to it once a day while it is open.'}
            </p>
            <PathForm
              key={status.data.folder ?? ''}
              id="backup-folder"
              label="Backup folder"
              hint="The whole path of the folder, for example D:\Fieldbook backups or /mnt/office-share/fieldbook."
              initial={status.data.folder ?? ''}
              action="Save backup folder"
              busyLabel="Saving…"
              chooseFolder="Choose the backup folder"
              opened={{
                version: status.data.version,
                fromRecord: (record) => ({ path: (record as BackupStatus).folder ?? '' }),
                describe: (draft) => [{ label: 'Backup folder', value: draft.path.trim() || 'None chosen' }],
              }}
              onSubmit={async (folder, version) => {
                const saved = await call('backup.setFolder', { folder, version });
                announce('Backup folder saved.', location);
                reload();
                return saved;
              }}
            />
            {status.data.folder && (
              <>
                <div className="form-actions">
                  <button type="button" className="button" aria-disabled={backingUp || undefined} aria-describedby={problem ? 'backup-now-problem' : undefined} onClick={backUpNow}>
                    {backingUp ? 'Backing up…' : 'Back up now'}
                  </button>
                </div>
                {problem && (
                  <p className="error-message" role="alert" id="backup-now-problem">
                    {problem}
                  </p>
                )}
                <h3>{plural(status.data.backups.length, 'backup')} in the folder</h3>
                <BackupList backups={status.data.backups} />
              </>
            )}
          </section>
          <section className="sync-section" aria-labelledby="backup-elsewhere">
            <h2 id="backup-elsewhere">Back up to a memory stick</h2>
            <PathForm
              id="backup-to"
              label="Folder to back up to"
              hint="Where the stick is, for example E:\ or /media/stick. Nothing else on it is changed."
              action="Back up to this folder"
              busyLabel="Backing up…"
              chooseFolder="Choose the folder to back up to"
              onSubmit={(folder) => backUp(folder)}
            />
          </section>
          <RestoreBackup />
        </>
      )}
    </Page>
  );
}
