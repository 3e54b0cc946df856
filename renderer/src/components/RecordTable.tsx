import type { ReactNode } from 'react';
import { Link } from 'wouter';

export interface Column<T> {
  header: string;
  cell(item: T): ReactNode;
  /** The cell that names the row is a row header for screen readers. */
  rowHeader?: boolean;
}

/** A table of records, each row ending with an "Edit" link that says what it edits (none without `editHref`). */
export function RecordTable<T extends { id: string }>({
  caption,
  captionHidden,
  columns,
  items,
  editHref,
  editName,
  actionLabel = 'Edit',
  className,
}: {
  /** Extra class for the table, e.g. to fix column widths. */
  className?: string;
  caption: string;
  captionHidden?: boolean;
  columns: Column<T>[];
  items: T[];
  editHref?(item: T): string;
  /** Read after "Edit" by screen readers: "Edit venue: St Mark's Hall". */
  editName?(item: T): string;
  /** The row link's visible word, where the row opens something other than its edit form ("Open"). */
  actionLabel?: string;
}) {
  return (
    <table className={className ? `table ${className}` : 'table'}>
      <caption className={captionHidden ? 'visually-hidden' : 'table__caption'}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col">
              {column.header}
            </th>
          ))}
          {editHref && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            {columns.map((column) =>
              column.rowHeader ? (
                <th key={column.header} scope="row">
                  {column.cell(item)}
                </th>
              ) : (
                // The header again, shown beside the value when a narrow window (or 200% zoom) stacks the row's cells.
                <td key={column.header} data-label={column.header}>
                  {column.cell(item)}
                </td>
              ),
            )}
            {editHref && (
              <td className="table__action">
                <Link href={editHref(item)}>
                  {actionLabel}
                  <span className="visually-hidden"> {editName?.(item)}</span>
                </Link>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
