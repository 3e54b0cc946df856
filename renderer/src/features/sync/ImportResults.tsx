import { Link } from 'wouter';
import type { ImportOutcome } from '../../../../shared/contract';
import { plural } from '../../components/format';
import { outcomeLabels } from './words';

/** One file's result: what was imported, or why it was refused. */
export interface FileResult {
  fileName: string;
  outcome: ImportOutcome | null;
  refusal: string | null;
}

function Outcome({ outcome }: { outcome: ImportOutcome }) {
  const review = [
    outcome.conflicts > 0 ? plural(outcome.conflicts, 'value') + ' changed in two places' : '',
    outcome.capacityFlags > 0 ? plural(outcome.capacityFlags, 'session') + ' now over capacity' : '',
  ].filter(Boolean);
  return (
    <>
      <p className="import-result__message">{outcome.message}</p>
      {review.length > 0 && (
        <p className="import-result__detail">
          To review: {review.join(', ')}. <Link href="/review">Go to Review</Link>
        </p>
      )}
    </>
  );
}

export function statusOf(result: FileResult): keyof typeof outcomeLabels {
  return result.outcome?.status ?? 'refused';
}

/** "12 files: 10 imported, 1 already imported, 1 refused." */
export function resultsText(results: readonly FileResult[]): string {
  const counts = new Map<string, number>();
  for (const result of results) {
    const label = outcomeLabels[statusOf(result)].toLowerCase();
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const parts = [...counts].map(([label, count]) => `${count} ${label}`);
  return `${plural(results.length, 'file')}: ${parts.join(', ')}.`;
}

/** Each file in the order it was imported, with its outcome in words. */
export function ImportResults({ results, label }: { results: readonly FileResult[]; label: string }) {
  return (
    <ol className="import-results" aria-label={label}>
      {results.map((result, index) => {
        const status = statusOf(result);
        return (
          <li key={`${index}:${result.fileName}`} className={`import-result import-result--${status}`}>
            <p className="import-result__file">
              <span className="file-name">{result.fileName}</span>{' '}
              <span className={`tag tag--${status}`}>{outcomeLabels[status]}</span>
            </p>
            {result.outcome ? <Outcome outcome={result.outcome} /> : <p className="import-result__message">{result.refusal}</p>}
          </li>
        );
      })}
    </ol>
  );
}
