import { useState } from 'react';
import { useLocation } from 'wouter';
import { dayAndTime } from '../../../../shared/words-for-days';
import { ApiError, call } from '../../api/client';
import { bridge } from '../../api/transport';
import { offerDownload } from '../../components/files';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import { Refusal } from '../sync/parts';
import { problemText } from '../sync/words';

/**
 * The follow-up's printable forms, one a page, for everyone asked who has not
 * answered: their code and the questions. Printed, or saved as a PDF in the
 * desktop app, as a report is (the print stylesheet lays it out).
 */
export function FollowUpForms() {
  const forms = useAsync(() => call('followUps.forms', {}), []);
  const [problem, setProblem] = useState<string | null>(null);
  const announce = useAnnounce();
  const [location] = useLocation();
  const printToPdf = bridge.printToPdf;

  const savePdf = async () => {
    if (!printToPdf) return;
    try {
      const result = await printToPdf();
      if (!result.ok) throw new ApiError(result.error);
      const file = { fileName: 'Follow-up forms.pdf', contentBase64: result.value.contentBase64 };
      offerDownload(file);
      announce(`Saved ${file.fileName}.`, location);
    } catch (error) {
      setProblem(problemText(error, 'Nothing was saved.'));
    }
  };

  return (
    <Page title="Follow-up forms">
      <div className="downloads report-actions">
        <div className="downloads__buttons">
          {printToPdf && (
            <button type="button" className="button button--secondary" onClick={() => void savePdf()}>
              Save as PDF
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            Print<span className="visually-hidden"> the forms</span>
          </button>
        </div>
        <Refusal message={problem} />
      </div>
      {forms.status === 'failed' && <LoadFailed message={forms.message} />}
      {forms.status === 'loading' && <Loading what="the forms" />}
      {forms.status === 'ready' && forms.data.length === 0 && <p>Nobody is waiting to answer: write the mail-merge on Follow-ups due first.</p>}
      {forms.status === 'ready' &&
        forms.data.map((form) => (
          <article key={form.code} className="follow-up-form" style={{ breakAfter: 'page' }}>
            <h2>
              {form.name}: {form.courseTitle}
            </h2>
            <p>
              Your session: {dayAndTime(form.startsAt)}, {form.venueName}
            </p>
            <p>
              Your personal code: <strong>{form.code}</strong>
            </p>
            <ol>
              {form.questions.map((question) => (
                <li key={question.text}>
                  <p>{question.text}</p>
                  <p>
                    {question.kind === 'rating'
                      ? '1   2   3   4   5   (1 is lowest, 5 is highest)'
                      : question.kind === 'choice'
                        ? question.options.join('   /   ')
                        : '______________________________________________'}
                  </p>
                </li>
              ))}
            </ol>
          </article>
        ))}
    </Page>
  );
}
