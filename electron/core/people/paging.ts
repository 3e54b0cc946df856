import type { PageCursor } from '../../../shared/contract';

/**
 * Turns the rows a keyset query found (one more than a page, in the
 * direction of travel) into the page the screens show: its rows in list
 * order, where it starts, and the cursors either side. The cursor carries
 * its row's position, so a page deep in a long list is never counted again.
 */
export function keysetPage<R, T>(
  found: R[],
  request: { pageSize: number; after?: PageCursor | undefined; before?: PageCursor | undefined },
  total: number,
  cursorOf: (row: R) => { key: string; id: string },
  toRow: (row: R) => T,
) {
  const backwards = request.before !== undefined;
  const cursor = request.before ?? request.after;
  // One row more than a page says whether there is more in the direction of travel; the cursor's row is on the other side.
  const more = found.length > request.pageSize;
  const rows = found.slice(0, request.pageSize);
  if (backwards) rows.reverse();
  const from = rows.length === 0 ? 0 : !cursor ? 1 : backwards ? (more ? Math.max(2, cursor.position - rows.length) : 1) : cursor.position + 1;
  const at = (row: R, position: number): PageCursor => ({ ...cursorOf(row), position });
  const first = rows[0];
  const last = rows.at(-1);
  const hasNext = backwards ? cursor !== undefined : more;
  const hasPrevious = backwards ? more : cursor !== undefined;
  return {
    rows: rows.map(toRow),
    total,
    from,
    next: last !== undefined && hasNext ? at(last, from + rows.length - 1) : null,
    previous: first !== undefined && hasPrevious ? at(first, from) : null,
  };
}
