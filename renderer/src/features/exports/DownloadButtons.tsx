import { useRef, useState } from 'react';
import { useLocation } from 'wouter';
import type { ExportInput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { offerDownload } from '../../components/files';
import { useAnnounce } from '../../components/status';
import '../../styles/exports.css';
import { Refusal } from '../sync/parts';
import { problemText } from '../sync/words';
import { useMayCall } from '../staff/may-call';

type Format = ExportInput['format'];
/** Which list, with what the screen is showing (its search, a session): everything but the format. */
export type ListRequest = ExportInput extends infer Input ? (Input extends unknown ? Omit<Input, 'format'> : never) : never;

const formats: { format: Format; label: string }[] = [
  { format: 'xlsx', label: 'Download as spreadsheet' },
  { format: 'csv', label: 'Download CSV' },
];

/**
 * The two downloads every list screen offers. The core writes the file from
 * the same list the screen shows; it is saved the way every file Fieldbook
 * offers is saved (a download in a browser, the save dialog in the app).
 * `what` ends each button's name for a screen reader ("… of the waiting
 * list"), where a screen has more than one list to download.
 */
export function DownloadButtons({ request, what }: { request: ListRequest; what: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const busy = useRef(false);
  const [preparing, setPreparing] = useState(false);
  const announce = useAnnounce();
  const [location] = useLocation();
  // Downloads hold people's details: a viewer on the office server gets none (shared/staff-roles.ts).
  const mayDownload = useMayCall('exports.download');

  const download = async (format: Format) => {
    // One file at a time: a second press while the first is being written does nothing.
    if (busy.current) return;
    busy.current = true;
    setPreparing(true);
    setProblem(null);
    try {
      const file = await call('exports.download', { ...request, format } as ExportInput);
      offerDownload(file);
      announce(`Downloaded ${file.fileName}.`, location);
    } catch (error) {
      setProblem(problemText(error, 'Nothing was downloaded.'));
    } finally {
      busy.current = false;
      setPreparing(false);
    }
  };

  if (!mayDownload) return null;
  return (
    <div className="downloads">
      <div className="downloads__buttons">
        {formats.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            className="button button--secondary"
            aria-disabled={preparing || undefined}
            onClick={() => void download(format)}
          >
            {label}
            <span className="visually-hidden"> of {what}</span>
          </button>
        ))}
      </div>
      <Refusal message={problem} />
    </div>
  );
}
