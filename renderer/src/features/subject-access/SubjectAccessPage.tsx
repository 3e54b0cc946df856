import { useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { call } from '../../api/client';
import { offerDownload } from '../../components/files';
import { momentText } from '../../components/format';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import { Refusal } from '../sync/parts';
import { problemText } from '../sync/words';
import { AnswerPart } from './AnswerPart';
import './subject-access.css';

/**
 * "Everything we hold about this person", at the office, for a subject
 * access request: every part of the answer on one page, laid out to print
 * (or save as a PDF from the print dialog) with the print stylesheet, and
 * the same answer as a spreadsheet with a sheet per part.
 */
export function SubjectAccessPage({ id }: { id: string }) {
  const answer = useAsync(() => call('subjectAccess.report', { personId: id }), [id]);
  const back = (
    <p className="subject-access__back">
      <Link href={`/people/${id}`}>Back to the person</Link>
    </p>
  );
  if (answer.status === 'failed') {
    return (
      <Page title="Everything we hold">
        <LoadFailed message={answer.message} />
        {back}
      </Page>
    );
  }
  if (!answer.data) {
    return (
      <Page title="Everything we hold">
        <Loading what="everything held about them" />
      </Page>
    );
  }
  const report = answer.data;
  if (report.status === 'erased') {
    return (
      <Page title="Everything we hold">
        <p>{report.message}</p>
        <p>
          <Link href="/people">Back to people</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={`Everything we hold about ${report.name}`} actions={<AnswerActions personId={id} />}>
      <div className="subject-access">
        {back}
        <p>
          Prepared {momentText(report.preparedAt)} by {report.preparedBy}, for a subject access request (UK GDPR Article 15).
        </p>
        <ul className="subject-access__notes">
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
        {report.parts.map((part) => (
          <AnswerPart key={part.key} part={part} />
        ))}
      </div>
    </Page>
  );
}

function AnswerActions({ personId }: { personId: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const working = useRef(false);
  const announce = useAnnounce();
  const [location] = useLocation();
  const download = async () => {
    // One file at a time: a second press while the first is being written does nothing.
    if (working.current) return;
    working.current = true;
    setProblem(null);
    try {
      const file = await call('subjectAccess.spreadsheet', { personId });
      offerDownload(file);
      announce(`Downloaded ${file.fileName}.`, location);
    } catch (error) {
      setProblem(problemText(error, 'Nothing was downloaded.'));
    } finally {
      working.current = false;
    }
  };
  return (
    <div className="subject-access__actions">
      <button type="button" className="button" onClick={() => window.print()}>
        Print or save as PDF
      </button>
      <button type="button" className="button button--secondary" onClick={() => void download()}>
        Download as spreadsheet
      </button>
      <Refusal message={problem} />
    </div>
  );
}
