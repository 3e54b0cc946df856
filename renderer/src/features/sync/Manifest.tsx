import type { ManifestEntry } from '../../../../shared/contract';
import { plural } from '../../components/format';
import { fileNumberText, momentText, numbersText } from './words';

/** "End-of-day file 12 from Hall laptop 2 has not arrived." */
export function missingText(entry: ManifestEntry, sequence: number): string {
  return `${fileNumberText(sequence)} from ${entry.name} has not arrived.`;
}

/**
 * What has arrived from each laptop: the numbers received, every gap below
 * the newest (a file lost on the way), and how often a file came twice.
 */
export function Manifest({ entries }: { entries: ManifestEntry[] }) {
  const gaps = entries.flatMap((entry) => entry.missing.map((sequence) => missingText(entry, sequence)));
  return (
    <section className="sync-section" aria-labelledby="manifest-heading">
      <h2 id="manifest-heading">What has arrived from each laptop</h2>
      {entries.length === 0 ? (
        <p className="empty">No laptops are enrolled yet.</p>
      ) : (
        <>
          {gaps.length > 0 ? (
            <div className="notice notice--warning">
              <p>Ask the laptops for these files, or use Write again on the laptop:</p>
              <ul className="missing" aria-label="Files that have not arrived">
                {gaps.map((gap) => (
                  <li key={gap}>{gap}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p>Nothing is missing: every file each laptop has written, up to its newest, has arrived.</p>
          )}
          <table className="table">
            <caption className="visually-hidden">Files received from each laptop</caption>
            <thead>
              <tr>
                <th scope="col">Laptop</th>
                <th scope="col">Files received</th>
                <th scope="col">Not arrived</th>
                <th scope="col">Imported again</th>
                <th scope="col">Last import</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.deviceId}>
                  <th scope="row">
                    {entry.name}
                    {entry.revoked && <span className="tag tag--revoked">Revoked</span>}
                  </th>
                  <td>{entry.received.length === 0 ? 'None yet' : numbersText(entry.received)}</td>
                  <td>{entry.missing.length === 0 ? 'Nothing missing' : numbersText(entry.missing)}</td>
                  <td>{entry.repeatsSeen === 0 ? 'Never' : plural(entry.repeatsSeen, 'time')}</td>
                  <td>{entry.lastImportedAt ? momentText(entry.lastImportedAt) : 'Never'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
