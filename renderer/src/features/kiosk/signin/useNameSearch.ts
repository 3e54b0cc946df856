import { useCallback, useRef, useState } from 'react';
import type { KioskMatch, KioskSignInMatch } from '../../../../../shared/contract';
import { searchableLength } from '../../../../../shared/search-text';
import { call } from '../../../api/client';

export type NameSearch<M extends KioskMatch = KioskMatch> =
  | { status: 'short' }
  | { status: 'searching'; matches: M[]; total: number; more: boolean }
  /**
   * `answered` is the text these matches are for, so a screen (or a benchmark) can tell a fresh answer;
   * `total` how many match in all, when more match than are shown (`more`: more than that).
   */
  | { status: 'ready'; matches: M[]; answered: string; total: number; more: boolean }
  | { status: 'failed' };

/** The core answers a search in well under a millisecond, so every keystroke searches: no debounce delay. */
export const MIN_LETTERS = 2;

/** What a search gives: the names alone (all there are), or the first names and how many match in all. */
export type Found<M> = M[] | { matches: M[]; total: number; more: boolean };

const signInSearch = (query: string) => call('kiosk.find', { query });

/**
 * The typed name and the names that match it, kept by the flow so that going
 * back from "Is this you?" shows them again. Only the answer to the latest
 * text is kept, so a slow reply to "Am" never replaces the one for "Amir".
 * Sign-in searches everyone; the evaluation passes its own search (people
 * signed in to the session, with whether they have answered).
 */
export function useNameSearch<M extends KioskMatch = KioskSignInMatch>(find?: (query: string) => Promise<Found<M>>) {
  const [query, setQueryText] = useState('');
  const [search, setSearch] = useState<NameSearch<M>>({ status: 'short' });
  const latest = useRef(0);
  // The search a flow passes is fixed for its life; a ref keeps `run` stable all the same.
  // Without a search of its own, M is the sign-in's match: the sign-in's search fits.
  const finder = useRef(find ?? (signInSearch as unknown as (query: string) => Promise<Found<M>>));

  const run = useCallback((text: string) => {
    const ask = ++latest.current;
    // Letters as the search counts them: "a'" is one letter, not two.
    if (searchableLength(text) < MIN_LETTERS) {
      setSearch({ status: 'short' });
      return;
    }
    setSearch((previous) =>
      'matches' in previous
        ? { status: 'searching', matches: previous.matches, total: previous.total, more: previous.more }
        : { status: 'searching', matches: [], total: 0, more: false },
    );
    finder.current(text).then(
      (found) => {
        const { matches, total, more } = Array.isArray(found) ? { matches: found, total: found.length, more: false } : found;
        if (ask === latest.current) setSearch({ status: 'ready', matches, answered: text, total, more });
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
