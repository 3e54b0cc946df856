import type { ReactNode } from 'react';

/** A refusal from the core, shown where the person acted and read out at once. */
export function Refusal({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
    </div>
  );
}

/** A pairing fingerprint, large and in a fixed-width face so two screens are easy to compare. */
export function Fingerprint({ value }: { value: string }) {
  return <span className="fingerprint">{value}</span>;
}

/** Term and answer pairs: "Team", "North". Rows with no answer are left out. */
export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  const shown = rows.filter(([, value]) => value !== null && value !== undefined && value !== '');
  return (
    <dl className="facts">
      {shown.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Whose upcoming sessions a laptop's package carries: "Sessions run by Sam Okafor", or every one. */
export function facilitatorsText(facilitators: readonly string[]): string {
  if (facilitators.length === 0) return 'Every upcoming session';
  const names = facilitators.length === 1 ? facilitators[0] : `${facilitators.slice(0, -1).join(', ')} or ${facilitators.at(-1)}`;
  return `Upcoming sessions run by ${names}`;
}
