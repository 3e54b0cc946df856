import type { PageCursor } from '../../../shared/contract';
import type { PageCount } from './Pagination';
import { useAsync, type AsyncState } from './useAsync';
import { searchKey, useRemembered } from './useRemembered';

/** Which page is shown: the first, or the one after or before a row. */
export type PagePlace = { after: PageCursor } | { before: PageCursor } | Record<string, never>;

interface Paged<T> {
  rows: T[];
  total: number;
  from: number;
  next: PageCursor | null;
  previous: PageCursor | null;
}

function readPlace(text: string): PagePlace {
  try {
    const place = JSON.parse(text) as PagePlace;
    return typeof place === 'object' && place !== null ? place : {};
  } catch {
    return {};
  }
}

/**
 * A list read a page at a time: the search and the page are remembered (as
 * text, so going to a record and back finds the same page), a new search
 * starts again at the first page, and moving to a page puts focus on its
 * count, where a keyboard user reads on from.
 */
export function usePagedList<T>(listPath: string, load: (query: string, place: PagePlace) => Promise<Paged<T>>) {
  const [query, setQueryText] = useRemembered(searchKey(listPath), '');
  const [placeText, setPlaceText] = useRemembered(`${listPath}:page`, '');
  const page = useAsync(() => load(query, readPlace(placeText)), [query, placeText]);
  const goTo = (place: PagePlace) => {
    setPlaceText(JSON.stringify(place));
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.list-count')?.focus());
  };
  const data = page.data;
  const result: AsyncState<T[]> = page.status === 'ready' ? { status: 'ready', data: page.data.rows } : { ...page, data: page.data?.rows };
  const count: PageCount | undefined = data && { from: data.from, shown: data.rows.length, total: data.total };
  return {
    query,
    setQuery(value: string) {
      setQueryText(value);
      setPlaceText('');
    },
    result,
    count,
    onPrevious: data?.previous ? () => goTo({ before: data.previous! }) : undefined,
    onNext: data?.next ? () => goTo({ after: data.next! }) : undefined,
  };
}
