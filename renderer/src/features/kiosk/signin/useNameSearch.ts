import { useCallback, useRef, useState } from 'react';
import type { KioskMatch } from '../../../../../shared/contract';
import { searchableLength } from '../../../../../shared/search-text';
import { call } from '../../../api/client';

export type NameSearch<M extends KioskMatch = KioskMatch> =
  | { status: 'short' }
  | { status: 'searching'; matches: M[] }
  /** `answered` is the text these matches are for, so a screen (or a benchmark) can tell a fresh answer. */
  | { status: 'ready'; matches: M[]; answered: string }
  | { status: 'failed' };

/** The core answers a search in well under a millisecond, so every keystroke searches: no debounce delay. */
export const MIN_LETTERS = 2;

const signInSearch = (query: string) => call('kiosk.find', { query });

/**
 * The typed name and the names that match it, kept by the flow so that going
 * back from "Is this you?" shows them again. Only the answer to the latest
 * text is kept, so a slow reply to "Am" never replaces the one for "Amir".
 * Sign-in searches everyone; the evaluation passes its own search (people
 * signed in to the session, with whether they have answered).
 */
export function useNameSearch<M extends KioskMatch = KioskMatch>(find?: (query: string) => Promise<M[]>) {
  const [query, setQueryText] = useState('');
  const [search, setSearch] = useState<NameSearch<M>>({ status: 'short' });
  const latest = useRef(0);
  // The search a flow passes is fixed for its life; a ref keeps `run` stable all the same.
  // Without a search of its own, M is KioskMatch: the sign-in's search fits.
  const finder = useRef(find ?? (signInSearch as (query: string) => Promise<M[]>));

  const run = useCallback((text: string) => {
    const ask = ++latest.current;
    // Letters as the search counts them: "a'" is one letter, not two.
    if (searchableLength(text) < MIN_LETTERS) {
      setSearch({ status: 'short' });
      return;
    }
    setSearch((previous) => ({ status: 'searching', matches: 'matches' in previous ? previous.matches : [] }));
    finder.current(text).then(
      (matches) => {
        if (ask === latest.current) setSearch({ status: 'ready', matches, answered: text });
      },
      () => {
        if (ask === latest.current) setSearch({ status: 'failed' });
      },
    );
  }, []);

  const setQuery = useCallback(
    (text: string) => {
      setQueryText(text);
      run(text);
    },
    [run],
  );

  return { query, setQuery, search };
}
