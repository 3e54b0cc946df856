import type { ErasedCount } from '../../../../shared/contract';

/** How many rows of each kind an erasure removes (or removed), in words. */
export function CountsTable({ counts, caption }: { counts: ErasedCount[]; caption: string }) {
  if (counts.length === 0) return <p>Nothing else is held about them.</p>;
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">What</th>
          <th scope="col">
            How many
          </th>
        </tr>
      </thead>
      <tbody>
        {counts.map((count) => (
          <tr key={count.table}>
            <th scope="row">{count.label}</th>
            <td>{count.count.toLocaleString('en-GB')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
