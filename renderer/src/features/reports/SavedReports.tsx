import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { reportTitles, type ReportChoice, type ReportResult, type SavedReport } from '../../../../shared/contract';
import { call } from '../../api/client';
import { LoadFailed, Loading } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import { Field, Problem } from '../membership/parts';
import { problemText } from '../sync/words';
import { IfMayCall } from '../staff/IfMayCall';

interface SavedReportsProps {
  /** The choices on the form now, or why they cannot be saved. */
  current(): { choice: ReportChoice } | { problem: string };
  /** Show a saved report's choices on the form and run them. */
  onOpen(choice: ReportChoice): void;
  /** A report run by "Run again for the next period", with the choices it ran. */
  onRan(choice: ReportChoice, report: ReportResult): void;
}

/** Save the form's choices under a name; the saved ones, each to open, run again for the next period, or delete. */
export function SavedReports({ current, onOpen, onRan }: SavedReportsProps) {
  const [name, setName] = useState('');
  const [changes, setChanges] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const saved = useAsync(() => call('savedReports.list', {}), [changes]);
  const announce = useAnnounce();
  const [location] = useLocation();

  const act = async (work: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      announce(await work(), location);
      setChanges((count) => count + 1);
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const form = current();
    if ('problem' in form) return setProblem(form.problem);
    void act(async () => {
      const report = await call('savedReports.save', { name, choice: form.choice });
      setName('');
      return `Saved “${report.name}”.`;
    });
  };

  const runNext = (report: SavedReport) =>
    act(async () => {
      const ran = await call('savedReports.runNext', { id: report.id });
      if (ran.saved.choice) onRan(ran.saved.choice, ran.report);
      return `“${report.name}” moved on to ${ran.report.period.label}.`;
    });

  const remove = (report: SavedReport) =>
    act(async () => {
      await call('savedReports.delete', { id: report.id });
      return `Deleted the saved report “${report.name}”.`;
    });

  return (
    <section className="saved-reports" aria-labelledby="saved-reports-title">
      <h2 id="saved-reports-title">Saved reports</h2>
      {/* A viewer on the office server opens the saved reports; the core would refuse saving, moving on or deleting one. */}
      <IfMayCall name="savedReports.save">
        <form className="saved-reports__save" onSubmit={save}>
          <Field label="Name for these choices" hint="For example “City public health quarterly return”.">
            {(id, describedBy) => (
              <input id={id} aria-describedby={describedBy} className="input input--medium" value={name} maxLength={120} onChange={(event) => setName(event.target.value)} />
            )}
          </Field>
          <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>
            Save these choices as a named report
          </button>
        </form>
      </IfMayCall>
      <Problem message={problem} />
      {saved.status === 'failed' && <LoadFailed message={saved.message} />}
      {saved.data === undefined && saved.status === 'loading' && <Loading what="saved reports" />}
      {saved.data?.length === 0 && <p className="empty">No saved reports yet. Choose a report above and save its choices with a name.</p>}
      {saved.data !== undefined && saved.data.length > 0 && (
        <table className="table saved-reports__list">
          <caption className="visually-hidden">Saved reports</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Report</th>
              <th scope="col">Period</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {saved.data.map((report) => (
              <tr key={report.id}>
                <th scope="row">{report.name}</th>
                <td>{report.choice ? reportTitles[report.choice.kind] : '–'}</td>
                <td>{report.problem ?? report.periodLabel ?? '–'}</td>
                <td className="saved-reports__actions">
                  {report.choice && (
                    <>
                      <button type="button" className="button button--secondary" onClick={() => report.choice && onOpen(report.choice)}>
                        Open<span className="visually-hidden"> {report.name}</span>
                      </button>
                      <IfMayCall name="savedReports.runNext">
                        <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => void runNext(report)}>
                          Run again for the next period<span className="visually-hidden">: {report.name}</span>
                        </button>
                      </IfMayCall>
                    </>
                  )}
                  <IfMayCall name="savedReports.delete">
                    <button type="button" className="button button--warning" aria-disabled={busy || undefined} onClick={() => void remove(report)}>
                      Delete<span className="visually-hidden"> {report.name}</span>
                    </button>
                  </IfMayCall>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
