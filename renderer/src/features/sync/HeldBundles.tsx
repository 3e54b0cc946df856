import { useEffect, useRef, useState } from 'react';
import type { ImportOutcome, ProcedureOutput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { Refusal } from './parts';
import { problemAt, useAction } from './useAction';
import { momentText } from './words';

type Held = ProcedureOutput<'sync.held'>[number];

/**
 * Files held back rather than imported, usually because the laptop's clock
 * was far ahead. Nothing was dropped: once someone has looked, they import.
 */
export function HeldBundles({ held, onImported }: { held: Held[]; onImported(): void }) {
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const action = useAction(onImported);
  // The row leaves the table once imported: focus goes to the section's heading, where the outcome is shown.
  const [imported, setImported] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!imported || held.some((bundle) => bundle.bundleId === imported)) return;
    heading.current?.focus();
    setImported(null);
  }, [imported, held]);

  const importAnyway = (bundle: Held) =>
    void action
      .run(bundle.bundleId, () => call('sync.importHeld', { bundleId: bundle.bundleId }), (result) => result.message)
      .then((result) => {
        if (!result) return;
        setOutcome(result);
        setImported(bundle.bundleId);
      });

  return (
    <section className="sync-section" aria-labelledby="held-heading">
      <h2 id="held-heading" ref={heading} tabIndex={-1}>
        Held for review
      </h2>
      {outcome && (
        <div className="notice notice--success">
          <p>{outcome.message}</p>
        </div>
      )}
      {held.length === 0 ? (
        <p className="empty">No files are held.</p>
      ) : (
        <>
          <p>These files were not imported yet. Check the reason with the laptop's facilitator, then import them.</p>
          <table className="table">
            <caption className="visually-hidden">Files held for review</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">From</th>
                <th scope="col">Written</th>
                <th scope="col">Why it is held</th>
                <th scope="col">Received</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {held.map((bundle) => (
                <tr key={bundle.bundleId}>
                  <th scope="row">
                    <span className="file-name">{bundle.fileName}</span>
                  </th>
                  <td>
                    {bundle.senderName}, end-of-day file {bundle.sequence}
                  </td>
                  <td>{momentText(bundle.createdAt)}</td>
                  <td>
                    {bundle.reason}
                    <Refusal message={problemAt(action, bundle.bundleId)} />
                  </td>
                  <td>{momentText(bundle.receivedAt)}</td>
                  <td className="table__action">
                    <button
                      type="button"
                      className="button"
                      aria-disabled={action.busy || undefined}
                      onClick={() => importAnyway(bundle)}
                    >
                      Import anyway
                      <span className="visually-hidden">
                        {' '}
                        end-of-day file {bundle.sequence} from {bundle.senderName}
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
