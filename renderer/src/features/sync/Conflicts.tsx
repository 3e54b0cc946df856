import type { Conflict } from '../../../../shared/contract';
import { conflictStatusLabels } from '../../../../shared/labels';
import { DownloadButtons } from '../exports/DownloadButtons';
import { Refusal } from './parts';
import { problemAt, type ActionApi } from './useAction';
import { fieldText, momentText, valueText } from './words';

/** "Given name of Amira Khan" */
function conflictTitle(conflict: Conflict): string {
  return conflict.valuesWithheld ? `${fieldText(conflict.field)} of an equality answer` : `${fieldText(conflict.field)} of ${conflict.record}`;
}

/** Who wrote a value and when: "from Hall laptop 2, 12 March 2026 at 10:05". */
const writtenBy = (by: string, at: string) => `from ${by}, ${momentText(at)}`;

function ChangedValues({ conflict }: { conflict: Conflict }) {
  return (
    <dl className="conflict__values">
      <div className="conflict__value conflict__value--kept">
        <dt>Kept by the merge</dt>
        <dd>
          <span className="conflict__text">{valueText(conflict.keptValue)}</span>
          <span className="conflict__who">{writtenBy(conflict.keptBy, conflict.keptAt)}</span>
        </dd>
      </div>
      <div className="conflict__value">
        <dt>Overwritten</dt>
        <dd>
          <span className="conflict__text">{valueText(conflict.overwrittenValue)}</span>
          <span className="conflict__who">{writtenBy(conflict.overwrittenBy, conflict.overwrittenAt)}</span>
        </dd>
      </div>
    </dl>
  );
}

/** Equality answers are reported only in aggregate: the core sends no values, so this says only that one changed. */
function WithheldValues({ conflict }: { conflict: Conflict }) {
  return (
    <p className="conflict__withheld">
      {fieldText(conflict.field)}, changed {writtenBy(conflict.overwrittenBy, conflict.overwrittenAt)} and{' '}
      {writtenBy(conflict.keptBy, conflict.keptAt)}. Equality answers are only reported in aggregate, so neither value is shown.
    </p>
  );
}

function ConflictCard({ conflict, action, onResolve }: { conflict: Conflict; action: ActionApi; onResolve(how: 'accept' | 'reverse'): void }) {
  const headingId = `conflict-${conflict.id}`;
  const open = conflict.status === 'open';
  const withheld = conflict.valuesWithheld === true;
  return (
    <li className="conflict" aria-labelledby={headingId} data-conflict-id={conflict.id}>
      <h3 id={headingId} className="conflict__title" tabIndex={-1}>
        {withheld ? 'An equality answer was changed' : `${conflict.record}: ${fieldText(conflict.field)}`}
        {!open && <span className={`tag tag--${conflict.status}`}>{withheld ? 'Reviewed' : conflictStatusLabels[conflict.status]}</span>}
      </h3>
      {withheld ? <WithheldValues conflict={conflict} /> : <ChangedValues conflict={conflict} />}
      {!open && conflict.resolvedBy && conflict.resolvedAt && (
        <p className="conflict__resolved">
          Resolved by {conflict.resolvedBy}, {momentText(conflict.resolvedAt)}
        </p>
      )}
      {open && (
        <div className="button-row">
          <button type="button" className="button" aria-disabled={action.busy || undefined} onClick={() => onResolve('accept')}>
            {withheld ? 'Mark as reviewed' : 'Keep merged value'}
            <span className="visually-hidden"> for {conflictTitle(conflict)}</span>
          </button>
          {!withheld && (
            <button
              type="button"
              className="button button--secondary"
              aria-disabled={action.busy || undefined}
              onClick={() => onResolve('reverse')}
            >
              Restore overwritten value<span className="visually-hidden"> for {conflictTitle(conflict)}</span>
            </button>
          )}
        </div>
      )}
      <Refusal message={problemAt(action, conflict.id)} />
    </li>
  );
}

/**
 * Values changed in two places: the merge kept the later change and logged
 * the one it overwrote. Keeping the merge or restoring the other is a choice
 * a person makes here, one value at a time.
 */
export function Conflicts({ conflicts, action, onResolve }: { conflicts: Conflict[]; action: ActionApi; onResolve(conflict: Conflict, how: 'accept' | 'reverse'): void }) {
  const open = conflicts.filter((conflict) => conflict.status === 'open');
  const resolved = conflicts.filter((conflict) => conflict.status !== 'open');
  return (
    <section className="sync-section" aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading" tabIndex={-1}>
        Changed in two places
      </h2>
      <p>
        When the same detail was changed on two computers, the merge keeps the later change. Check each one: keep it, or restore the
        value it replaced.
      </p>
      {conflicts.length > 0 && <DownloadButtons request={{ list: 'conflicts' }} what="the changes made in two places" />}
      {open.length === 0 ? (
        <p className="empty">Nothing to review.</p>
      ) : (
        <ul className="conflicts" data-list="conflicts" aria-label="Changes to review">
          {open.map((conflict) => (
            <ConflictCard key={conflict.id} conflict={conflict} action={action} onResolve={(how) => onResolve(conflict, how)} />
          ))}
        </ul>
      )}
      {resolved.length > 0 && (
        <details className="resolved">
          <summary>Already reviewed ({resolved.length})</summary>
          <ul className="conflicts" aria-label="Changes already reviewed">
            {resolved.map((conflict) => (
              <ConflictCard key={conflict.id} conflict={conflict} action={action} onResolve={() => undefined} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
