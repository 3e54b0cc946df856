import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { OutgoingBundle, PackageOutcome } from '../../../../shared/contract';
import { ApiError, call } from '../../api/client';
import { readChosenFile, offerDownload } from '../../components/files';
import { plural } from '../../components/format';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import '../../styles/sync.css';
import { FileForm } from './FileForm';
import { SyncSettingsForm } from './SyncSettingsForm';
import { ForRole } from './ForRole';
import { Facts, Fingerprint, Refusal } from './parts';
import { problemAt, useAction } from './useAction';
import { bundleWrittenText, fileNumberText, momentText, summaryText } from './words';

function BundleRows({ bundles, onWriteAgain, busy }: { bundles: OutgoingBundle[]; busy: boolean; onWriteAgain(bundle: OutgoingBundle): void }) {
  return (
    <table className="table">
      <caption className="visually-hidden">End-of-day files written on this laptop, newest first</caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Written</th>
          <th scope="col">What it holds</th>
          <th scope="col">Office has it</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {bundles.map((bundle) => (
          <tr key={bundle.bundleId} data-sequence={bundle.sequence}>
            <th scope="row">{fileNumberText(bundle.sequence)}</th>
            <td>{momentText(bundle.createdAt)}</td>
            <td>{summaryText(bundle.summary)}</td>
            <td>
              {bundle.acknowledgedAt ? (
                <span className="tag tag--acknowledged">Yes, confirmed {momentText(bundle.acknowledgedAt)}</span>
              ) : (
                <span className="tag tag--waiting">Not yet confirmed</span>
              )}
            </td>
            <td className="table__action">
              {!bundle.acknowledgedAt && (
                <button
                  type="button"
                  className="button button--secondary"
                  aria-disabled={busy || undefined}
                  onClick={() => onWriteAgain(bundle)}
                >
                  Write again<span className="visually-hidden"> end-of-day file {bundle.sequence}</span>
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PackageResult({ outcome }: { outcome: PackageOutcome }) {
  return (
    <div className="notice notice--success" aria-labelledby="package-result-heading">
      <h3 id="package-result-heading">{outcome.message}</h3>
      <Facts
        rows={[
          ['Sessions', String(outcome.sessions)],
          ['People', String(outcome.people)],
          ['Files the office confirmed', String(outcome.acknowledged)],
          ['Past sessions cleared from this laptop', String(outcome.prunedSessions)],
        ]}
      />
    </div>
  );
}

/** When the laptop is not paired: the steps, and where to take them. */
function NotPaired() {
  return (
    <section className="notice" aria-labelledby="not-paired-heading">
      <h2 id="not-paired-heading">This laptop is not paired with the office yet</h2>
      <p>Files are locked so that only your office can open them, so the laptop needs the office's key first.</p>
      <ol className="steps">
        <li>On this laptop, write an enrolment request and give the file to the office.</li>
        <li>The office imports it, checks the fingerprint with you, and gives you back an enrolment file.</li>
        <li>On this laptop, import the enrolment file and check the office's fingerprint.</li>
      </ol>
      <p>
        <Link href="/devices">Go to Devices to pair this laptop</Link>
      </p>
    </section>
  );
}

/** How long a laptop keeps personal data the office already has. */
function Retention({ onSaved }: { onSaved(): void }) {
  const settings = useAsync(() => call('sync.settings', {}), []);
  return (
    <section className="sync-section" aria-labelledby="retention-heading">
      <h2 id="retention-heading">Keeping personal data</h2>
      {settings.status === 'failed' && <LoadFailed message={settings.message} />}
      {settings.status === 'loading' && <Loading what="the retention setting" />}
      {settings.status === 'ready' && <SyncSettingsForm settings={settings.data} part="retention" onSaved={onSaved} />}
    </section>
  );
}

function Outbox() {
  const [version, setVersion] = useState(0);
  /** The last file written or sent (no file name when nothing needs saving), and how it went: all well, a file that has not reached the office, or written to save. */
  const [written, setWritten] = useState<{ text: string; fileName: string | null; outcome: 'done' | 'not-reached' | 'to-save' } | null>(null);
  const [packageOutcome, setPackageOutcome] = useState<PackageOutcome | null>(null);
  const reload = () => setVersion((count) => count + 1);
  const action = useAction(reload);
  const announce = useAnnounce();
  const [location] = useLocation();
  const state = useAsync(async () => {
    const status = await call('pairing.status', {});
    const outbox = await call('sync.outbox', {}).catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'NOT_PAIRED') return null;
      throw error;
    });
    return { status, outbox };
  }, [version]);

  const exportBundle = () =>
    void action
      .run('export', () => call('sync.exportBundle', {}), (result) => bundleWrittenText(result.bundle))
      .then((result) => {
        if (!result) return;
        offerDownload(result);
        setWritten({ text: bundleWrittenText(result.bundle), fileName: result.fileName, outcome: 'done' });
      });

  // Paired with an office server: over the network when it answers, else the same file as Export writes, to save.
  // With nothing new there is no file, and only the office's package is fetched.
  const sendToOffice = () =>
    void action
      .run('export', () => call('sync.sendToOffice', {}), (result) => result.message)
      .then((result) => {
        if (!result) return;
        setPackageOutcome(result.package);
        const toSave = result.sent ? null : result.file;
        if (toSave) offerDownload(toSave);
        // The style follows the worst of it: a file not at the office, other than the one offered here to save, is a warning whatever else went.
        const notReached = result.notReached.some((sequence) => sequence !== toSave?.bundle.sequence);
        const done = result.sent || (!toSave && result.package !== null);
        const outcome = notReached ? 'not-reached' : done ? 'done' : 'to-save';
        setWritten({ text: result.message, fileName: toSave?.fileName ?? null, outcome });
      });

  const writeAgain = (bundle: OutgoingBundle) =>
    void action
      .run(
        'bundles',
        () => call('sync.rewriteBundle', { sequence: bundle.sequence }),
        (result) => `${fileNumberText(bundle.sequence)} written again as ${result.fileName}.`,
      )
      .then((result) => result && offerDownload(result));

  const importPackage = async (files: File[]) => {
    setPackageOutcome(null);
    const outcome = await call('sync.importPackage', await readChosenFile(files[0]!));
    setPackageOutcome(outcome);
    announce(outcome.message, location);
    reload();
  };

  if (state.data === undefined) {
    return state.status === 'failed' ? <LoadFailed message={state.message} /> : <Loading what="what this laptop has to send" />;
  }
  const { status, outbox } = state.data;
  const office = status.office;
  return (
    <>
      {state.status === 'failed' && <LoadFailed message={state.message} />}
      {!office ? (
        <NotPaired />
      ) : (
        <p>
          Files from this laptop are locked so that only <strong>{office.name}</strong> can open them. Office fingerprint:{' '}
          <Fingerprint value={office.fingerprint} />
        </p>
      )}
      {outbox && (
        <>
          <section className="sync-section" aria-labelledby="export-heading">
            <h2 id="export-heading">End-of-day file</h2>
            <p className="unsent">
              {outbox.unsent.changes === 0
                ? 'Nothing new since the last file: everything on this laptop is already in a file.'
                : `Not yet in a file: ${summaryText(outbox.unsent)}.`}
            </p>
            {office?.server ? (
              <>
                <p>
                  Back at the office, the file goes straight to {office.name}'s server and the office's package comes back (with
                  nothing new, only the package); anywhere else it is written for you to save and take in as usual.
                </p>
                <button type="button" className="button button--large" aria-disabled={action.busy || undefined} onClick={sendToOffice}>
                  Send to office
                </button>
              </>
            ) : (
              <button type="button" className="button button--large" aria-disabled={action.busy || undefined} onClick={exportBundle}>
                Export end-of-day file
              </button>
            )}
            <Refusal message={problemAt(action, 'export')} />
            {written && (
              <div className={{ done: 'notice notice--success', 'not-reached': 'notice notice--warning', 'to-save': 'notice' }[written.outcome]}>
                <p className="written">{written.text}</p>
                {written.fileName !== null && (
                  <p>
                    Saved as <span className="file-name">{written.fileName}</span>. Take it to the office on a USB stick, put it in
                    the shared folder, or attach it to an email.
                  </p>
                )}
              </div>
            )}
          </section>
          <section className="sync-section" aria-labelledby="bundles-heading">
            <h2 id="bundles-heading">Files written</h2>
            <p>
              Nothing is removed from this laptop until the office confirms it has the file. Once it has, personal data from
              sessions that ended more than {plural(outbox.retentionDays, 'day')} ago is removed.
            </p>
            <Refusal message={problemAt(action, 'bundles')} />
            {outbox.bundles.length === 0 ? (
              <p className="empty">No end-of-day files have been written on this laptop yet.</p>
            ) : (
              <BundleRows bundles={outbox.bundles} busy={action.busy} onWriteAgain={writeAgain} />
            )}
          </section>
        </>
      )}
      {office && (
        <section className="sync-section" aria-labelledby="package-heading">
          <h2 id="package-heading">Package from the office</h2>
          <p>
            The office's package brings the course list, upcoming sessions with their bookings and waiting lists, and confirms
            which files it has received.
          </p>
          <FileForm
            label="Package file from the office"
            submitLabel="Import package from office"
            busyLabel="Importing…"
            whenEmpty="Choose the package file the office sent you."
            onFiles={importPackage}
          />
          {packageOutcome && <PackageResult outcome={packageOutcome} />}
        </section>
      )}
      {outbox && <Retention onSaved={reload} />}
    </>
  );
}

/** The laptop's end of the day: one file with everything since the last one, for the office. */
export function SendToOffice() {
  return (
    <ForRole role="laptop" title="Send to office">
      <Page title="Send to office">
        <p className="lead">
          At the end of the day, write one file with everything this laptop collected and take it to the office: on a USB stick,
          in a shared folder, or as an email attachment.
        </p>
        <Outbox />
      </Page>
    </ForRole>
  );
}
