import { useEffect, useRef, useState } from 'react';
import type { BackupCheck } from '../../../../shared/contract';
import { call } from '../../api/client';
import { momentText, plural } from '../../components/format';
import { Facts, Refusal } from '../sync/parts';
import { PathForm } from './PathForm';

/** Where the result of a restore waits across the reload that opens the restored data. */
const RESTORED_KEY = 'fieldbook.restoredFrom';

const holds = (checked: BackupCheck) =>
  `${plural(checked.people, 'person', 'people')}, ${plural(checked.sessions, 'session')}, ${plural(checked.signIns, 'sign-in')}`;
const takenText = (checked: BackupCheck) => (checked.takenAt ? momentText(checked.takenAt) : 'Not given');

/** After the reload: what was restored, said once. */
export function RestoredNotice() {
  const [restored] = useState(() => {
    const saved = sessionStorage.getItem(RESTORED_KEY);
    sessionStorage.removeItem(RESTORED_KEY);
    return saved ? (JSON.parse(saved) as BackupCheck) : null;
  });
  if (!restored) return null;
  return (
    <div className="notice notice--success" role="status">
      <h2>This computer's data is restored from {restored.fileName}</h2>
      <p>
        Everything is as it was when the backup was taken ({takenText(restored)}): {holds(restored)}.
      </p>
    </div>
  );
}

/**
 * The checked backup, and replacing this computer's data with it once the
 * person confirms. The core checks the file again before it replaces
 * anything and keeps the current database aside until the restored one has
 * opened; the app then reloads, so every screen reads the restored data.
 */
function CheckedBackup({ checked }: { checked: BackupCheck & { path: string } }) {
  const [confirming, setConfirming] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const question = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  const restore = () => {
    if (restoring) return;
    setRestoring(true);
    setProblem(null);
    call('backup.restore', { path: checked.path })
      .then((restored) => {
        sessionStorage.setItem(RESTORED_KEY, JSON.stringify(restored));
        window.location.reload();
      })
      .catch((error: unknown) => {
        setProblem(error instanceof Error ? error.message : 'The backup could not be restored. Try again.');
        setRestoring(false);
      });
  };

  return (
    <div className="check-panel">
      <div role="status">
        <h3>{checked.fileName} is a whole backup of this computer</h3>
        <Facts
          rows={[
            ['Computer', checked.deviceName],
            ['Taken', takenText(checked)],
            ['Holds', holds(checked)],
          ]}
        />
      </div>
      {!confirming ? (
        <div className="form-actions">
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
            Restore this backup
          </button>
        </div>
      ) : (
        <>
          <h3 ref={question} tabIndex={-1}>
            Replace this computer's data with this backup?
          </h3>
          <p>
            Everything entered on this computer after the backup was taken ({takenText(checked)}) will be gone. The data as it is now is
            kept until the backup has opened, and put back if it does not.
          </p>
          <Refusal message={problem} />
          <div className="form-actions">
            <button type="button" className="button button--warning" aria-disabled={restoring || undefined} onClick={restore}>
              {restoring ? 'Restoring…' : 'Yes, restore this backup'}
            </button>
            <button type="button" className="button button--secondary" disabled={restoring} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </>
      )}
    </div>
  );
}

/** "Restore from backup": a backup file is checked first, and nothing is replaced until the person says so. */
export function RestoreBackup() {
  const [checked, setChecked] = useState<(BackupCheck & { path: string }) | null>(null);
  return (
    <section className="sync-section" aria-labelledby="restore-backup">
      <h2 id="restore-backup">Restore from backup</h2>
      <p>Fieldbook checks the file first: a whole backup, of this computer, from this version of Fieldbook or an older one.</p>
      <PathForm
        id="backup-check"
        label="Backup file"
        hint="The whole path of the file, for example E:\fieldbook-backup-20261202-153000.sqlite."
        action="Check this backup"
        busyLabel="Checking…"
        onSubmit={async (path) => {
          setChecked(null);
          setChecked({ ...(await call('backup.check', { path })), path });
        }}
      />
      {checked && <CheckedBackup key={checked.path} checked={checked} />}
    </section>
  );
}
