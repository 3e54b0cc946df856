import { useState } from 'react';
import type { ProcedureOutput } from '../../../../shared/contract';
import { DownloadButtons } from '../exports/DownloadButtons';
import { momentText, outcomeLabels } from './words';

type LogEntry = ProcedureOutput<'sync.importLog'>[number];

const SHOWN_AT_FIRST = 50;

/** "Hall laptop 2, end-of-day file 3"; a refused file may not say which laptop wrote it. */
function fromText(entry: LogEntry): string {
  if (entry.senderName === null) return 'Not known';
  return entry.sequence === null ? entry.senderName : `${entry.senderName}, end-of-day file ${entry.sequence}`;
}

/** Every import and every file the inbox refused, newest first: the file, the laptop, and what happened (or why not). */
export function ImportLog({ entries }: { entries: LogEntry[] }) {
  const [showAll, setShowAll] = useState(false);
  const newestFirst = [...entries].sort((a, b) => b.at.localeCompare(a.at));
  const shown = showAll ? newestFirst : newestFirst.slice(0, SHOWN_AT_FIRST);
  return (
    <section className="sync-section" aria-labelledby="log-heading">
      <h2 id="log-heading">Import log</h2>
      {entries.length === 0 ? (
        <p className="empty">Nothing has been imported yet.</p>
      ) : (
        <>
          <DownloadButtons request={{ list: 'importLog' }} what="the import log" />
          <table className="table">
            <caption className="visually-hidden">Imports and refused files, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">File</th>
                <th scope="col">From</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((entry, index) => (
                <tr key={`${entry.at}:${entry.fileName}:${index}`}>
                  <th scope="row">{momentText(entry.at)}</th>
                  <td>
                    <span className="file-name">{entry.fileName}</span>
                  </td>
                  <td>{fromText(entry)}</td>
                  <td>
                    <span className={`tag tag--${entry.status}`}>{outcomeLabels[entry.status]}</span> {entry.message}
                    {entry.staffName && <span className="import-log__by"> Imported by {entry.staffName}.</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {newestFirst.length > SHOWN_AT_FIRST && (
            <button type="button" className="button button--secondary" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
              {showAll ? `Show the newest ${SHOWN_AT_FIRST} only` : `Show all ${newestFirst.length} imports`}
            </button>
          )}
        </>
      )}
    </section>
  );
}
