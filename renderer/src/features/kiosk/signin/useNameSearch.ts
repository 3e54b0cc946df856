import { useCallback, useRef, useState } from 'react';
import type { KioskMatch } from '../../../../../shared/contract';
import { call } from '../../../api/client';

export type NameSearch =
  | { status: 'short' }
  | { status: 'searching'; matches: KioskMatch[] }
  | { status: 'ready'; matches: KioskMatch[] }
  | { status: 'failed' };

/** The core answers a search in well under a millisecond, so every keystroke searches: no debounce delay. */
export const MIN_LETTERS = 2;

/**
 * The typed name and the names that match it, kept by the sign-in flow so
 * that going back from "Is this you?" shows them again. Only the answer to the latest
 * text is kept, so a slow reply to "Am" never replaces the one for "Amir".
 */
export function useNameSearch() {
  const [query, setQueryText] = useState('');
  const [search, setSearch] = useState<NameSearch>({ status: 'short' });
  const latest = useRef(0);

  const run = useCallback((text: string) => {
    const ask = ++latest.current;
    if (text.trim().length < MIN_LETTERS) {
      setSearch({ status: 'short' });
      return;
    }
    setSearch((previous) => ({ status: 'searching', matches: 'matches' in previous ? previous.matches : [] }));
    call('kiosk.find', { query: text }).then(
      (matches) => {
        if (ask === latest.current) setSearch({ status: 'ready', matches });
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
