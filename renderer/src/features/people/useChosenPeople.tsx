import { useCallback, useState } from 'react';
import type { Person } from '../../../../shared/contract';

export interface ChosenPeople {
  /** Who is chosen, by id, with the name to show: kept while the list pages or is searched. */
  chosen: ReadonlyMap<string, string>;
  isChosen(id: string): boolean;
  choose(person: Person, yes: boolean): void;
  clear(): void;
}

/** People ticked on a list (People, or an organisation's staff) to book together. */
export function useChosenPeople(): ChosenPeople {
  const [chosen, setChosen] = useState<ReadonlyMap<string, string>>(new Map());
  const choose = useCallback((person: Person, yes: boolean) => {
    setChosen((previous) => {
      const next = new Map(previous);
      if (yes) next.set(person.id, `${person.givenName} ${person.familyName}`);
      else next.delete(person.id);
      return next;
    });
  }, []);
  const clear = useCallback(() => setChosen(new Map()), []);
  return { chosen, isChosen: (id) => chosen.has(id), choose, clear };
}

/** The "Choose" column of a people table: a tick box saying whose it is. */
export function chooseColumn(chooser: ChosenPeople) {
  return {
    header: 'Choose',
    cell: (person: Person) => (
      <input
        type="checkbox"
        className="choose-box"
        aria-label={`Choose ${person.givenName} ${person.familyName}`}
        checked={chooser.isChosen(person.id)}
        onChange={(event) => chooser.choose(person, event.target.checked)}
      />
    ),
  };
}
