import { useRef, useState } from 'react';
import { useLocation } from 'wouter';
import type { ReportChoice } from '../../../../shared/contract';
import { ApiError, call } from '../../api/client';
import { bridge } from '../../api/transport';
import { offerDownload } from '../../components/files';
import { useAnnounce } from '../../components/status';
import { Refusal } from '../sync/parts';
import { problemText } from '../sync/words';

type Action = 'xlsx' | 'csv' | 'pdf';

/** A file name for the PDF, from the report's title and period: "People trained – 2025-08-01 to 2026-07-31.pdf". */
function pdfName(title: string, from: string, to: string): string {
  return `${title} – ${from} to ${to}.pdf`.replace(/[\\/:*?"<>|]/g, '-');
}

/**
 * The report shown as files: a spreadsheet or CSV written by the core from
 * the same choices, and print. In the desktop app "Save as PDF" lays the page
 * out with the print stylesheet (Electron's printToPDF); in a browser "Print"
 * opens its own print dialog, which can also save a PDF.
 */
export function ReportActions({ choice, title, period }: { choice: ReportChoice; title: string; period: { from: string; to: string } }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const working = useRef(false);
  const announce = useAnnounce();
  const [location] = useLocation();
  const printToPdf = bridge.printToPdf;

  const run = async (action: Action) => {
    // One file at a time: a second press while the first is being made does nothing.
    if (working.current) return;
    working.current = true;
    setBusy(true);
    setProblem(null);
    try {
      if (action === 'pdf' && printToPdf) {
        const result = await printToPdf();
        if (!result.ok) throw new ApiError(result.error);
        const file = { fileName: pdfName(title, period.from, period.to), contentBase64: result.value.contentBase64 };
        offerDownload(file);
        announce(`Saved ${file.fileName}.`, location);
      } else if (action !== 'pdf') {
        const file = await call('reports.export', { choice, format: action });
        offerDownload(file);
        announce(`Downloaded ${file.fileName}.`, location);
      }
    } catch (error) {
      setProblem(problemText(error, 'Nothing was downloaded.'));
    } finally {
      working.current = false;
      setBusy(false);
    }
  };

  return (
    <div className="downloads report-actions">
      <div className="downloads__buttons">
        <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => void run('xlsx')}>
          Download as spreadsheet<span className="visually-hidden"> of this report</span>
        </button>
        <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => void run('csv')}>
          Download CSV<span className="visually-hidden"> of this report</span>
        </button>
        {printToPdf && (
          <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => void run('pdf')}>
            Save as PDF
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          Print<span className="visually-hidden"> this report</span>
        </button>
      </div>
      <Refusal message={problem} />
    </div>
  );
}
