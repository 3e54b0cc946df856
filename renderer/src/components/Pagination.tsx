import { formatCount } from './format-count';

export interface PageCount {
  /** Position of the first row shown, from 1; 0 when none. */
  from: number;
  shown: number;
  total: number;
}

/** "Showing 51–100 of 100,000 people"; "Showing 1 of 1 person" */
export function showing({ from, shown, total }: PageCount, plural: string, one = plural): string {
  if (total === 0) return `No ${plural}`;
  const range = shown === 1 ? formatCount(from) : `${formatCount(from)}–${formatCount(from + shown - 1)}`;
  return `Showing ${range} of ${formatCount(total)} ${total === 1 ? one : plural}`;
}

/**
 * Previous and Next under a long list, as GOV.UK's pagination does: links
 * that say where they go, in a navigation landmark named for the list. The
 * buttons keep their place whether or not the other one is there.
 */
export function Pagination({
  label,
  onPrevious,
  onNext,
}: {
  /** Names the landmark: "People list pages". */
  label: string;
  onPrevious?: () => void;
  onNext?: () => void;
}) {
  if (!onPrevious && !onNext) return null;
  return (
    <nav className="pagination" aria-label={label}>
      <div className="pagination__prev">
        {onPrevious && (
          <button type="button" className="button button--secondary" onClick={onPrevious}>
            <span aria-hidden="true">←</span> Previous page
          </button>
        )}
      </div>
      <div className="pagination__next">
        {onNext && (
          <button type="button" className="button button--secondary" onClick={onNext}>
            Next page <span aria-hidden="true">→</span>
          </button>
        )}
      </div>
    </nav>
  );
}
