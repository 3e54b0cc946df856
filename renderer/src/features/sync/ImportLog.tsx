import { useState } from 'react';
import type { ProcedureOutput } from '../../../../shared/contract';
import { DownloadButtons } from '../exports/DownloadButtons';
import { momentText, outcomeLabels } from './words';

type LogEntry = ProcedureOutput<'sync.importLog'>[number];

const SHOWN_AT_FIRST = 50;

/** Every import, newest first: the file, the laptop, and what happened. */
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
            <caption className="visually-hidden">Imports, newest first</caption>
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
                  <td>
                    {entry.senderName}, bundle {entry.sequence}
                  </td>
                  <td>
                    <span className={`tag tag--${entry.status}`}>{outcomeLabels[entry.status]}</span> {entry.message}
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
