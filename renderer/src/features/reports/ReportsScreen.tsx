import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import type { ReportChoice, ReportOptions, ReportResult } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useDevice } from '../../app/device';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import '../../styles/exports.css';
import '../../styles/reports.css';
import { Problem, todayLocal } from '../membership/parts';
import { problemText } from '../sync/words';
import { ChoiceForm } from './ChoiceForm';
import { fromChoice, initialDraft, toChoice, type Draft, type SchemeYear } from './choices';
import { ReportActions } from './ReportActions';
import { ReportView } from './ReportView';
import { SavedReports } from './SavedReports';

interface Shown {
  choice: ReportChoice;
  report: ReportResult;
}

function ReportsBody({ options, schemes }: { options: ReportOptions; schemes: SchemeYear[] }) {
  const { role } = useDevice();
  const today = todayLocal();
  const [draft, setDraft] = useState<Draft>(() => initialDraft(options, today));
  const [shown, setShown] = useState<Shown | null>(null);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const announce = useAnnounce();
  const [location] = useLocation();
  const reportHeading = useRef<HTMLDivElement>(null);

  // A new report on screen: move to its heading, so a screen reader reads it from the top.
  useEffect(() => {
    if (shown) reportHeading.current?.querySelector<HTMLElement>('#report-title')?.focus();
  }, [shown]);

  const show = (choice: ReportChoice, report: ReportResult) => {
    setShown({ choice, report });
    announce(`${report.title}: ${report.period.label}.`, location);
  };

  const run = async (choice: ReportChoice) => {
    if (running) return;
    setRunning(true);
    setProblem(null);
    try {
      show(choice, await call('reports.run', choice));
    } catch (error) {
      setProblem(problemText(error, 'No report was run.'));
    } finally {
      setRunning(false);
    }
  };

  const runForm = () => {
    const form = toChoice(draft, schemes);
    if ('problem' in form) setProblem(form.problem);
    else void run(form.choice);
  };

  return (
    <>
      <ChoiceForm draft={draft} onChange={setDraft} options={options} schemes={schemes} today={today} onSubmit={runForm} />
      <Problem message={problem} />
      {running && <Loading what="the report" />}
      {/* Saved reports are the office's: a laptop runs its own sessions' reports on the spot. */}
      {role === 'office' && (
        <SavedReports
          current={() => toChoice(draft, schemes)}
          onOpen={(choice) => {
            setDraft(fromChoice(choice, draft, schemes));
            void run(choice);
          }}
          onRan={(choice, report) => {
            setDraft(fromChoice(choice, draft, schemes));
            show(choice, report);
          }}
        />
      )}
      {shown && (
        <div ref={reportHeading} className="report-output">
          <ReportActions choice={shown.choice} title={shown.report.title} period={shown.report.period} />
          <ReportView report={shown.report} />
        </div>
      )}
    </>
  );
}

/**
 * The office's reports for funders: choose a report, a period and filters,
 * read its figures and tables (each with a chart), save the choices to run
 * again next period, and take it away as a spreadsheet, CSV, PDF or print.
 * On a laptop, the same for its own sessions, without saved reports.
 */
export function ReportsScreen() {
  const { role } = useDevice();
  const options = useAsync(() => call('reports.options', {}), []);
  // Schemes are office data: their membership years give the membership report its periods.
  const schemes = useAsync(async (): Promise<SchemeYear[]> => (role === 'office' ? await call('schemes.list', {}) : []), [role]);
  const failed = options.status === 'failed' ? options.message : schemes.status === 'failed' ? schemes.message : null;
  return (
    <Page title="Reports">
      {failed !== null && <LoadFailed message={failed} />}
      {(options.status === 'loading' || schemes.status === 'loading') && <Loading what="the report choices" />}
      {options.status === 'ready' && schemes.status === 'ready' && <ReportsBody options={options.data} schemes={schemes.data} />}
    </Page>
  );
}
