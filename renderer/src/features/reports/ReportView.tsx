import type { ReportResult, ReportTable, TableCell } from '../../../../shared/contract';
import { longDate } from '../../components/format';
import { numberText, ReportChart } from './ReportChart';

const cellText = (cell: TableCell) => (cell === null ? '–' : typeof cell === 'number' ? numberText(cell) : cell);

/** One of the report's tables, its chart beside it. */
function TableWithChart({ table, index }: { table: ReportTable; index: number }) {
  const titleId = `report-table-${index}`;
  return (
    <section className="report-table" aria-labelledby={titleId}>
      <h3 id={titleId}>{table.title}</h3>
      <div className="report-table__pair">
        {/* A wide table scrolls sideways in its box: the box takes focus so the keyboard can scroll it too. */}
        <div className="report-table__table" tabIndex={0} role="region" aria-label={`${table.title} (table)`}>
          {table.rows.length === 0 ? (
            <p className="empty">Nothing to show in this table for this period.</p>
          ) : (
            <table className="table">
              <caption className="visually-hidden">{table.title}</caption>
              <thead>
                <tr>
                  {table.columns.map((column) => (
                    <th key={column.label} scope="col" className={column.kind === 'number' ? 'report-number' : undefined}>
                      {column.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, rowIndex) => (
                  <tr key={rowIndex}>
                    {row.map((cell, cellIndex) =>
                      cellIndex === 0 ? (
                        <th key={cellIndex} scope="row">
                          {cellText(cell)}
                        </th>
                      ) : (
                        <td key={cellIndex} className={table.columns[cellIndex]?.kind === 'number' ? 'report-number' : undefined}>
                          {cellText(cell)}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        {table.chartColumn !== null && table.rows.length > 0 && (
          <div className="report-table__chart">
            <ReportChart table={table} />
          </div>
        )}
      </div>
    </section>
  );
}

/** A report as run: what it counted (period, as-of date, filters), its notes, figures, tables with charts, and definitions. */
export function ReportView({ report }: { report: ReportResult }) {
  return (
    <section className="report" aria-labelledby="report-title">
      <h2 id="report-title" tabIndex={-1}>
        {report.title}
      </h2>
      <dl className="report-facts">
        <div>
          <dt>Period</dt>
          <dd>
            {report.period.label}
            {report.period.partYear && <span className="tag report-part">Part year</span>}
          </dd>
        </div>
        <div>
          <dt>As of</dt>
          <dd>{longDate(report.period.asOf)}</dd>
        </div>
        <div>
          <dt>Filters</dt>
          <dd>{report.filters.length === 0 ? 'None' : report.filters.map((filter) => `${filter.label}: ${filter.value}`).join('; ')}</dd>
        </div>
      </dl>
      {report.notes.length > 0 && (
        <div className="notice">
          {report.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </div>
      )}
      <h3>Figures</h3>
      <dl className="report-figures">
        {report.figures.map((figure) => (
          <div key={figure.key} className="report-figure">
            <dt>{figure.label}</dt>
            <dd>{figure.value === null ? '–' : typeof figure.value === 'number' ? numberText(figure.value) : figure.value}</dd>
          </div>
        ))}
      </dl>
      {report.tables.map((table, index) => (
        <TableWithChart key={table.key} table={table} index={index} />
      ))}
      <section className="report-definitions" aria-labelledby="report-definitions-title">
        <h3 id="report-definitions-title">Definitions</h3>
        <dl>
          {report.definitions.map((definition) => (
            <div key={definition.term}>
              <dt>{definition.term}</dt>
              <dd>{definition.text}</dd>
            </div>
          ))}
        </dl>
      </section>
    </section>
  );
}
