import { useState } from 'react';
import { Link } from 'wouter';
import { SaveRetentionInput, type Erasure, type RetentionSettings } from '../../../../shared/contract';
import { call } from '../../api/client';
import { numberText, wholeNumber } from '../../components/draft';
import { ChangedSinceOpened } from '../../components/ChangedSinceOpened';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useForm } from '../../components/form';
import { longDate, momentText, plural } from '../../components/format';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import { EraseForm } from './ErasePerson';

/**
 * The office's erasures and retention: how long people and imported files
 * are kept, who is past the period (to erase in one action), and every
 * erasure made, with which laptops have confirmed it.
 */
export function ErasuresScreen() {
  const [version, setVersion] = useState(0);
  const settings = useAsync(() => call('erasure.settings', {}), [version]);
  const past = useAsync(() => call('erasure.pastRetention', {}), [version]);
  const erasures = useAsync(() => call('erasure.list', {}), [version]);
  const failed = [settings, past, erasures].find((state) => state.status === 'failed');
  if (failed && failed.status === 'failed') return <Page title="Erasures and retention"><LoadFailed message={failed.message} /></Page>;
  if (!settings.data || !past.data || !erasures.data) return <Page title="Erasures and retention"><Loading what="erasures" /></Page>;
  return (
    <Page title="Erasures and retention">
      <p>
        To erase one person, open their page from <Link href="/people">People</Link> and choose Erase this person.
      </p>
      <section aria-labelledby="retention-heading">
        <h2 id="retention-heading">How long data is kept</h2>
        <RetentionForm settings={settings.data} onSaved={() => setVersion((v) => v + 1)} />
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">Past the retention period</h2>
        {past.data.total === 0 ? (
          <p>No one was last seen before {longDate(past.data.before)}.</p>
        ) : (
          <>
            <p>
              {plural(past.data.total, 'person was', 'people were')} last seen before {longDate(past.data.before)} (
              {past.data.personRetentionYears} years ago): no attendance, booking, membership or change to their record since.
              {past.data.total > past.data.people.length && ` The first ${past.data.people.length} are shown.`}
            </p>
            <table className="table">
              <caption className="visually-hidden">People past the retention period</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Organisation</th>
                  <th scope="col">Last seen</th>
                </tr>
              </thead>
              <tbody>
                {past.data.people.map((person) => (
                  <tr key={person.id}>
                    <th scope="row">
                      <Link href={`/people/${person.id}`}>{person.name}</Link>
                    </th>
                    <td>{person.organisationName ?? 'Not given'}</td>
                    <td>{longDate(person.lastSeen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>Erase everyone shown</h3>
            <EraseForm
              key={version}
              personIds={past.data.people.map((person) => person.id)}
              button={`Erase ${plural(past.data.people.length, 'person', 'people')} for good`}
              done={(message) => {
                setVersion((v) => v + 1);
                return message;
              }}
            />
          </>
        )}
      </section>
      <section aria-labelledby="erasures-heading">
        <h2 id="erasures-heading">Erasures made</h2>
        {erasures.data.length === 0 ? <p>No one has been erased.</p> : <ErasureList erasures={erasures.data} />}
      </section>
    </Page>
  );
}

function confirmationsText(erasure: Erasure): string {
  if (erasure.laptops.length === 0) return 'No laptops are enrolled.';
  const waiting = erasure.laptops.filter((laptop) => !laptop.confirmedAt).map((laptop) => laptop.name);
  return waiting.length === 0 ? 'Every laptop has confirmed.' : `Waiting for ${waiting.join(', ')}.`;
}

function ErasureList({ erasures }: { erasures: Erasure[] }) {
  return (
    <table className="table">
      <caption className="visually-hidden">Erasures made at this office, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">By</th>
          <th scope="col">Why</th>
          <th scope="col">What went</th>
          <th scope="col">Laptops</th>
        </tr>
      </thead>
      <tbody>
        {erasures.map((erasure) => (
          <tr key={erasure.id}>
            <th scope="row">{momentText(erasure.erasedAt)}</th>
            <td>{erasure.erasedBy}</td>
            <td>{erasure.reason}</td>
            <td>{erasure.counts.map((count) => `${count.label}: ${count.count.toLocaleString('en-GB')}`).join('; ')}</td>
            <td>
              <p>{confirmationsText(erasure)}</p>
              {erasure.laptops.length > 0 && (
                <ul>
                  {erasure.laptops.map((laptop) => (
                    <li key={laptop.deviceId}>
                      {laptop.name}: {laptop.confirmedAt ? `confirmed ${momentText(laptop.confirmedAt)}` : 'not yet confirmed'}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface RetentionDraft {
  personRetentionYears: string;
  inboxRetentionDays: string;
}

/** Each value as read, for the newer values beside these when someone else saved first. */
const describeRetention = (draft: RetentionDraft) => [
  { label: 'Years to keep a person after they were last seen', value: draft.personRetentionYears.trim() },
  { label: 'Days to keep imported and refused files in the inbox folder', value: draft.inboxRetentionDays.trim() },
];

const retentionDraft = (settings: RetentionSettings): RetentionDraft => ({
  personRetentionYears: numberText(settings.personRetentionYears),
  inboxRetentionDays: numberText(settings.inboxRetentionDays),
});

function RetentionForm({ settings, onSaved }: { settings: RetentionSettings & { version: string }; onSaved(): void }) {
  const announce = useAnnounce();
  const form = useForm({
    id: 'retention',
    initial: retentionDraft(settings),
    schema: SaveRetentionInput,
    toInput: (draft: RetentionDraft) => ({
      personRetentionYears: wholeNumber(draft.personRetentionYears),
      inboxRetentionDays: wholeNumber(draft.inboxRetentionDays),
    }),
    opened: { version: settings.version, fromRecord: (record) => retentionDraft(record as RetentionSettings), describe: describeRetention },
  });
  const save = form.onSubmit(async (input, version) => {
    const saved = await call('erasure.saveSettings', { ...input, version });
    announce('Retention saved.', '/erasures');
    onSaved();
    return saved;
  });
  return (
    <form className="record-form" noValidate onSubmit={save}>
      <ChangedSinceOpened form={form} />
      <ErrorSummary form={form} />
      <TextField
        form={form}
        name="personRetentionYears"
        label="Years to keep a person after they were last seen"
        hint="People not seen for longer are listed below, for you to erase."
        inputMode="numeric"
        width="short"
      />
      <TextField
        form={form}
        name="inboxRetentionDays"
        label="Days to keep imported and refused files in the inbox folder"
        hint="Files in the inbox's Imported and Refused folders are deleted after this many days."
        inputMode="numeric"
        width="short"
      />
      <div className="form-actions">
        <button type="submit" className="button button--secondary" aria-disabled={form.saving || undefined}>
          {form.saving ? 'Saving…' : 'Save retention'}
        </button>
      </div>
    </form>
  );
}
