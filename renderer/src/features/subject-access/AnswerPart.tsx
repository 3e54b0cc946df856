import type { SubjectAccessPart } from '../../../../shared/contract';
import { plural } from '../../components/format';
import { cellText } from './cells';

/** One part of the answer: its heading, what it holds, and its rows as a table (or "None held."). */
export function AnswerPart({ part }: { part: SubjectAccessPart }) {
  const headingId = `subject-access-${part.key}`;
  return (
    <section className="subject-access__part" aria-labelledby={headingId}>
      <h2 id={headingId}>{part.title}</h2>
      <p>{part.about}</p>
      {part.rows.length === 0 ? (
        <p className="subject-access__none">None held.</p>
      ) : (
        <table className="table subject-access__table">
          <caption className="visually-hidden">
            {part.title}: {plural(part.rows.length, 'row')}
          </caption>
          <thead>
            <tr>
              {part.headers.map((header) => (
                <th key={header} scope="col">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {part.rows.map((row, index) => (
              <tr key={index}>
                {row.map((cell, column) => (
                  // The heading again, shown beside the value when a narrow window (or 200% zoom) stacks the cells.
                  <td key={part.headers[column]} data-label={part.headers[column]}>
                    {cellText(cell)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
