import { useId } from 'react';
import type { SamePerson, SheetLikelyDuplicate } from '../../../../shared/contract';

/** The person each row is the same as, by row (sheet and row number); a row left out is a different person. */
export type SameChoices = Record<string, string>;

export const rowKeyOf = (pair: { sheet: string; row: number }) => `${pair.sheet}\n${pair.row}`;

/** What the import is sent: the rows the office said are someone already in Fieldbook. */
export function samePeopleFrom(pairs: readonly SheetLikelyDuplicate[], chosen: SameChoices): SamePerson[] {
  const rows = new Map(pairs.map((pair) => [rowKeyOf(pair), pair]));
  return Object.entries(chosen).flatMap(([key, personId]) => {
    const pair = rows.get(key);
    return pair ? [{ sheet: pair.sheet, row: pair.row, personId }] : [];
  });
}

/** Why the pair looks alike, in the words of the review of possible duplicates. */
function whyWords(pair: SheetLikelyDuplicate): string {
  if (pair.why === 'email') return 'Same name and email';
  if (pair.why === 'no_organisation') return 'Same name, and neither has an organisation';
  return pair.email && pair.personEmail ? 'Same name and organisation, another email' : 'Same name and organisation';
}

const details = (email: string | null, organisation: string | null) => `${email ?? 'email not given'}, ${organisation ?? 'no organisation'}`;

/** The pairs grouped by row, in the file's order: a row may look like two people. */
function byRow(pairs: readonly SheetLikelyDuplicate[]): SheetLikelyDuplicate[][] {
  const rows = new Map<string, SheetLikelyDuplicate[]>();
  for (const pair of pairs) rows.set(rowKeyOf(pair), [...(rows.get(rowKeyOf(pair)) ?? []), pair]);
  return [...rows.values()];
}

interface LikelyDuplicatesProps {
  pairs: readonly SheetLikelyDuplicate[];
  /** Rows beyond those listed (the core lists the first 500 pairs): imported as different people. */
  count: number;
  severalSheets: boolean;
  /** Null once imported: the decisions are shown, not asked. */
  chosen: SameChoices | null;
  onChoose?(rowKey: string, personId: string | null): void;
}

/**
 * Rows no rule matched to anyone, but that look like someone already in
 * Fieldbook: for each, the office says whether it is that person or a
 * different one before anything is written. A different person is the
 * answer until it says otherwise, as on the command line.
 */
export function LikelyDuplicates({ pairs, count, severalSheets, chosen, onChoose }: LikelyDuplicatesProps) {
  const id = useId();
  if (pairs.length === 0) return null;
  const rows = byRow(pairs);
  const where = (pair: SheetLikelyDuplicate) => (severalSheets ? `${pair.sheet}, row ${pair.row}` : `Row ${pair.row}`);
  return (
    <section className="sheet-preview__part sheet-duplicates" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{chosen ? 'Check these: they look like people already in Fieldbook' : 'People who looked like someone already in Fieldbook'}</h3>
      {chosen && (
        <p>
          Each row is added as a different person unless you choose that it is the same person. The same person keeps the details
          Fieldbook has; the row is kept with them, so this file imported again finds them.
        </p>
      )}
      {rows.map((row) => {
        const first = row[0]!;
        const key = rowKeyOf(first);
        const name = `${id}-${first.sheet}-${first.row}`.replace(/[^A-Za-z0-9_-]/g, '_');
        if (!chosen) {
          const same = row.find((pair) => pair.decision === 'same');
          return (
            <p key={key}>
              {where(first)}: {first.name} ({details(first.email, first.organisation)}):{' '}
              {same ? `the same person as ${same.person} (${details(same.personEmail, same.personOrganisation)})` : 'added as a different person'}.
            </p>
          );
        }
        return (
          <fieldset className="field" key={key}>
            <legend className="field__label">
              {where(first)}: {first.name} ({details(first.email, first.organisation)})
            </legend>
            <div className="radios">
              {row.map((pair) => (
                <div className="radio" key={pair.personId}>
                  <input
                    className="radio__input"
                    type="radio"
                    id={`${name}-${pair.personId}`}
                    name={name}
                    checked={chosen[key] === pair.personId}
                    aria-describedby={`${name}-${pair.personId}-hint`}
                    onChange={() => onChoose?.(key, pair.personId)}
                  />
                  <label className="radio__label" htmlFor={`${name}-${pair.personId}`}>
                    The same person as {pair.person} ({details(pair.personEmail, pair.personOrganisation)})
                  </label>
                  <p className="radio__hint" id={`${name}-${pair.personId}-hint`}>
                    {whyWords(pair)}
                  </p>
                </div>
              ))}
              <div className="radio">
                <input
                  className="radio__input"
                  type="radio"
                  id={`${name}-different`}
                  name={name}
                  checked={chosen[key] === undefined}
                  onChange={() => onChoose?.(key, null)}
                />
                <label className="radio__label" htmlFor={`${name}-different`}>
                  A different person
                </label>
              </div>
            </div>
          </fieldset>
        );
      })}
      {count > rows.length && <p>{count - rows.length} more rows look like someone already in Fieldbook; they are added as different people.</p>}
    </section>
  );
}
