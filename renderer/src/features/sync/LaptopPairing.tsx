import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import type { IncomingFile, PairingStatus, ProcedureOutput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { offerDownload, readChosenFile } from '../../components/files';
import { useAnnounce } from '../../components/status';
import { FileForm } from './FileForm';
import { Facts, Fingerprint, Refusal, facilitatorsText } from './parts';
import { problemAt, useAction } from './useAction';
import { momentText } from './words';

type EnrolmentPreview = ProcedureOutput<'pairing.readEnrolment'>;

/** The office's answer, read but not yet accepted: its fingerprint to compare with the office's screen. */
function CheckOffice({
  preview,
  onAccept,
  onCancel,
  busy,
  problem,
}: {
  preview: EnrolmentPreview;
  onAccept(): void;
  onCancel(): void;
  busy: boolean;
  problem: string | null;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="check-panel" aria-labelledby="check-office-heading">
      <h3 id="check-office-heading" ref={heading} tabIndex={-1}>
        Check the office's fingerprint
      </h3>
      <Facts
        rows={[
          ['Office', preview.officeName],
          ['Fingerprint', <Fingerprint key="fingerprint" value={preview.fingerprint} />],
          ['Team', preview.team],
          ['Its packages will hold', facilitatorsText(preview.facilitators)],
          // The office runs as a server: Send to office uploads there when it answers.
          ['Office server', preview.serverAddresses.length > 0 ? preview.serverAddresses.join(', ') : null],
        ]}
      />
      <p className="check-panel__instruction">
        Compare this fingerprint with the one on the office's screen. Accept only if they are exactly the same; if they differ,
        the file did not come from your office.
      </p>
      <div className="button-row">
        <button type="button" className="button" aria-disabled={busy || undefined} onClick={onAccept}>
          Accept
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Do not accept
        </button>
      </div>
      <Refusal message={problem} />
    </section>
  );
}

/** A laptop pairs with the office: a request out, the office's enrolment back, fingerprints compared. */
export function LaptopPairing({ status, onChanged }: { status: PairingStatus; onChanged(): void }) {
  const [requestFile, setRequestFile] = useState<string | null>(null);
  const [reading, setReading] = useState<{ file: IncomingFile; preview: EnrolmentPreview } | null>(null);
  const pairedHeading = useRef<HTMLHeadingElement>(null);
  const stepTwo = useRef<HTMLHeadingElement>(null);
  const [focusPaired, setFocusPaired] = useState(false);
  const action = useAction(onChanged);
  const announce = useAnnounce();
  const [location] = useLocation();
  const office = status.office;

  useEffect(() => {
    if (focusPaired && office) {
      pairedHeading.current?.focus();
      setFocusPaired(false);
    }
  }, [focusPaired, office]);

  const writeRequest = () =>
    void action
      .run('request', () => call('pairing.request', {}), (result) => `Enrolment request saved as ${result.fileName}.`)
      .then((result) => {
        if (!result) return;
        offerDownload(result);
        setRequestFile(result.fileName);
      });

  const readEnrolment = async (files: File[]) => {
    setReading(null);
    const file = await readChosenFile(files[0]!);
    const preview = await call('pairing.readEnrolment', file);
    setReading({ file, preview });
    announce(`Enrolment file from ${preview.officeName} read. Check its fingerprint before accepting.`, location);
  };

  const accept = () => {
    if (!reading) return;
    void action
      .run('accept', () => call('pairing.acceptEnrolment', reading.file), (paired) => `This laptop is now paired with ${paired.name}.`)
      .then((paired) => {
        if (!paired) return;
        setReading(null);
        setFocusPaired(true);
      });
  };

  return (
    <>
      {office && (
        <section className="sync-section" aria-labelledby="paired-heading">
          <h2 id="paired-heading" ref={pairedHeading} tabIndex={-1}>
            Paired office
          </h2>
          <Facts
            rows={[
              ['Office', office.name],
              ['Fingerprint', <Fingerprint key="fingerprint" value={office.fingerprint} />],
              ['Team', office.team],
              ['Its packages hold', facilitatorsText(office.facilitators)],
              ['Paired on', momentText(office.enrolledAt)],
            ]}
          />
        </section>
      )}
      <section className="sync-section" aria-labelledby="pair-heading">
        <h2 id="pair-heading">{office ? 'Pair again' : 'Pair with the office'}</h2>
        {office && <p>Only needed if the office asks you to, for example after it moved to a new computer.</p>}
        <h3>Step 1: write an enrolment request</h3>
        <p>The request holds this laptop's name and its public keys, nothing private. Give the file to the office.</p>
        <button type="button" className="button" aria-disabled={action.busy || undefined} onClick={writeRequest}>
          Write enrolment request
        </button>
        <Refusal message={problemAt(action, 'request')} />
        {requestFile && (
          <div className="notice notice--success">
            <p>
              Enrolment request saved as <span className="file-name">{requestFile}</span>. When the office opens it, their screen
              shows this laptop's fingerprint: <Fingerprint value={status.fingerprint} />. Check it is the same.
            </p>
          </div>
        )}
        <h3 ref={stepTwo} tabIndex={-1}>
          Step 2: import the enrolment file from the office
        </h3>
        <FileForm
          label="Enrolment file from the office"
          hint="The office gives you this file after it has enrolled this laptop."
          submitLabel="Import enrolment from office"
          busyLabel="Reading…"
          whenEmpty="Choose the enrolment file the office gave you."
          onFiles={readEnrolment}
        />
        {reading && (
          <CheckOffice
            preview={reading.preview}
            busy={action.busy}
            problem={problemAt(action, 'accept')}
            onAccept={accept}
            onCancel={() => {
              setReading(null);
              stepTwo.current?.focus();
              announce('The enrolment file was not accepted. Nothing was changed.', location);
            }}
          />
        )}
      </section>
    </>
  );
}
