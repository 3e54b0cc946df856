import { useId, type ReactNode } from 'react';
import { ButtonLink, LoadFailed, Loading, Page } from './Page';
import { showing, type PageCount } from './Pagination';
import type { AsyncState } from './useAsync';
import { useMayChange } from '../features/staff/may-call';

interface ListPageProps<T> {
  title: string;
  /** The "New …" button; left out where this computer may not add the record (a laptop's catalogue). */
  newHref?: string;
  newLabel?: string;
  /** Said under the heading, before the search (why there is no "New …" button). */
  notice?: ReactNode;
  searchLabel: string;
  searchHint?: string;
  query: string;
  onQuery(query: string): void;
  result: AsyncState<T[]>;
  /** "courses", for "Loading courses…" and "3 courses found." */
  plural: string;
  /** "course", for a count of one ("Showing 1 of 1 course"); the plural when left out. */
  one?: string;
  /** Shown when there is nothing at all yet: says how to add the first one. */
  empty: string;
  /** Extra controls beside the search box (a "show past" toggle). */
  filters?: ReactNode;
  /** The list's "Download as spreadsheet" and "Download CSV", under the search. */
  downloads?: ReactNode;
  children(items: T[]): ReactNode;
  /** For a list shown a page at a time: where this page is among all the matches ("Showing 1–50 of 100,000 people"). */
  count?: PageCount;
  /** Previous and Next, under the list. */
  pager?: ReactNode;
}

/** A screen listing one kind of record: heading, "New …" button, search box, results. */
export function ListPage<T>(props: ListPageProps<T>) {
  const { title, newHref, newLabel, notice, searchLabel, searchHint, query, onQuery, result, plural, one, empty, filters, downloads, count, pager } = props;
  const searchId = useId();
  // A viewer on the office server changes nothing, so is offered no "New …" (shared/staff-roles.ts).
  const mayChange = useMayChange();
  const searching = query.trim() !== '';
  const items = result.data;

  return (
    <Page title={title} actions={newHref && mayChange && <ButtonLink href={newHref}>{newLabel}</ButtonLink>}>
      {notice}
      <div className="list-controls" role="search">
        <div className="field field--search">
          <label className="field__label" htmlFor={searchId}>
            {searchLabel}
          </label>
          {searchHint && (
            <p className="field__hint" id={`${searchId}-hint`}>
              {searchHint}
            </p>
          )}
          <input
            id={searchId}
            className="input input--medium"
            type="search"
            autoComplete="off"
            aria-describedby={searchHint ? `${searchId}-hint` : undefined}
            value={query}
            onChange={(event) => onQuery(event.target.value)}
          />
        </div>
        {filters}
      </div>
      {downloads}
      <p className="visually-hidden" aria-live="polite">
        {searching && result.status === 'ready' ? found(count ? count.total : result.data.length, plural, one) : ''}
      </p>
      {count && items !== undefined && items.length > 0 && <p className="list-count" tabIndex={-1}>{showing(count, plural, one)}</p>}
      {result.status === 'failed' && <LoadFailed message={result.message} />}
      {items === undefined && result.status === 'loading' && <Loading what={plural} />}
      {items !== undefined && items.length === 0 && (
        <p className="empty">{searching ? `No ${plural} match “${query.trim()}”.` : empty}</p>
      )}
      {items !== undefined && items.length > 0 && props.children(items)}
      {items !== undefined && items.length > 0 && pager}
    </Page>
  );
}

/** "3 courses found.", "1 person found." */
function found(total: number, plural: string, one = plural): string {
  return `${total} ${total === 1 ? one : plural} found.`;
}
