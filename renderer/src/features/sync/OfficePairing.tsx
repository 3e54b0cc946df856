import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { EnrolInput, type IncomingFile, type PairingStatus, type ProcedureOutput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { texts, type ListItem } from '../../components/draft';
import { TextField } from '../../components/fields';
import { offerDownload, readChosenFile } from '../../components/files';
import { useForm, type Errors } from '../../components/form';
import { ListEditor } from '../../components/ListEditor';
import { useAnnounce } from '../../components/status';
import { EnrolledLaptops } from './EnrolledLaptops';
import { FileForm } from './FileForm';
import { Facts, Fingerprint } from './parts';

type RequestPreview = ProcedureOutput<'pairing.readRequest'>;

const EnrolFields = EnrolInput.pick({ team: true, facilitators: true });

interface EnrolDraft {
  team: string;
  facilitators: ListItem[];
}

const blankEnrolment: EnrolDraft = { team: '', facilitators: [] };

const toInput = (draft: EnrolDraft) => ({ team: draft.team, facilitators: texts(draft.facilitators) });

function check(draft: EnrolDraft): Errors {
  const errors: Errors = {};
  draft.facilitators.forEach((facilitator, index) => {
    if (facilitator.text.trim() === '') errors[`facilitators.${index}`] = `Write facilitator ${index + 1}'s name, or remove them.`;
  });
  return errors;
}

/** The laptop's request, read: its fingerprint to compare, and where it sits in the organisation. */
function EnrolForm({
  reading,
  onEnrolled,
  onCancel,
}: {
  reading: { file: IncomingFile; preview: RequestPreview };
  onEnrolled(laptopName: string, fileName: string): void;
  onCancel(): void;
}) {
  const { preview } = reading;
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm({ id: 'enrol', initial: blankEnrolment, schema: EnrolFields, toInput, check });
  useEffect(() => heading.current?.focus(), []);

  const submit = form.onSubmit(async ({ team, facilitators }) => {
    const { laptop, enrolment } = await call('pairing.enrol', { request: reading.file, team, facilitators });
    offerDownload(enrolment);
    onEnrolled(laptop.name, enrolment.fileName);
  });

  return (
    <section className="check-panel" aria-labelledby="check-laptop-heading">
      <h3 id="check-laptop-heading" ref={heading} tabIndex={-1}>
        Check the laptop's fingerprint
      </h3>
      <Facts
        rows={[
          ['Laptop', preview.name],
          ['Fingerprint', <Fingerprint key="fingerprint" value={preview.fingerprint} />],
        ]}
      />
      <p className="check-panel__instruction">
        Compare this fingerprint with the one on the laptop's Devices screen. Enrol it only if they are exactly the same.
      </p>
      {preview.alreadyEnrolled && (
        <p className="notice">This laptop is already enrolled. Enrolling it again replaces its team and facilitators.</p>
      )}
      <form className="record-form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <TextField form={form} name="team" label="Team" optional hint="The laptop's team or region, for example North." width="medium" />
        <ListEditor
          form={form}
          name="facilitators"
          legend="Facilitators"
          itemNoun="facilitator"
          addLabel="Add facilitator"
          hint="Whose upcoming sessions go into this laptop's package. Leave the list empty to send every upcoming session."
        />
        <div className="button-row">
          <button type="submit" className="button" aria-disabled={form.saving || undefined}>
            {form.saving ? 'Enrolling…' : 'Enrol'}
            <span className="visually-hidden"> {preview.name}</span>
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Do not enrol
          </button>
        </div>
      </form>
    </section>
  );
}

/** The office enrols laptops from their requests, and looks after those enrolled. */
export function OfficePairing({ status, onChanged }: { status: PairingStatus; onChanged(): void }) {
  const [reading, setReading] = useState<{ file: IncomingFile; preview: RequestPreview } | null>(null);
  const [enrolled, setEnrolled] = useState<{ name: string; fileName: string } | null>(null);
  const enrolHeading = useRef<HTMLHeadingElement>(null);
  const announce = useAnnounce();
  const [location] = useLocation();

  const readRequest = async (files: File[]) => {
    setReading(null);
    setEnrolled(null);
    const file = await readChosenFile(files[0]!);
    const preview = await call('pairing.readRequest', file);
    setReading({ file, preview });
    announce(`Enrolment request from ${preview.name} read. Check its fingerprint before enrolling.`, location);
  };

  return (
    <>
      <section className="sync-section" aria-labelledby="enrol-heading">
        <h2 id="enrol-heading" ref={enrolHeading} tabIndex={-1}>
          Enrol a laptop
        </h2>
        <p>The laptop writes an enrolment request on its Devices screen. Import it here, check the fingerprint, and enrol it.</p>
        <FileForm
          label="Enrolment request from the laptop"
          submitLabel="Import enrolment request"
          busyLabel="Reading…"
          whenEmpty="Choose the enrolment request the laptop wrote."
          onFiles={readRequest}
        />
        {reading && (
          <EnrolForm
            key={reading.preview.deviceId}
            reading={reading}
            onCancel={() => {
              setReading(null);
              enrolHeading.current?.focus();
              announce('The laptop was not enrolled.', location);
            }}
            onEnrolled={(name, fileName) => {
              setReading(null);
              setEnrolled({ name, fileName });
              enrolHeading.current?.focus();
              announce(`${name} is enrolled. Enrolment file saved as ${fileName}.`, location);
              onChanged();
            }}
          />
        )}
        {enrolled && (
          <div className="notice notice--success">
            <p>
              {enrolled.name} is enrolled. The enrolment file was saved as <span className="file-name">{enrolled.fileName}</span>:
              give it to the laptop, which imports it on its Devices screen.
            </p>
          </div>
        )}
      </section>
      <EnrolledLaptops laptops={status.laptops} onChanged={onChanged} />
    </>
  );
}
