import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskMatch } from '../../../../../shared/contract';
import { call } from '../../../api/client';
import { moveAlong } from '../arrowKeys';
import { InEnglish } from '../InEnglish';
import { KioskActions, KioskButton, KioskScreen } from '../KioskScreen';
import type { NameSearch } from './useNameSearch';

interface FindNameProps<M extends KioskMatch> {
  query: string;
  search: NameSearch<M>;
  type(text: string): void;
  choose(match: M): void;
  /** Sign-in's "I am not on the list" (adding oneself); the evaluation has no such way. */
  notOnList?(): void;
  back(): void;
  /** Words for the evaluation, which finds only the people signed in: the hint, and what to say when no name matches. */
  hint?: string;
  none?: string;
  /** Someone listed who cannot be chosen (they have answered already): the words that say so, or null. */
  done?(match: M): string | null;
  /** Someone who can be chosen but is marked (signed in already): the words of the mark, or null. */
  mark?(match: M): string | null;
}

/** How long the typing must pause before the kiosk counts every match of a short name. */
const COUNT_AFTER_PAUSE_MS = 400;

/**
 * A search that found more than a keystroke counts ("more than 200") is
 * counted in full once the typing pauses, so the line can say "8,226 names
 * match": the whole count takes longer than a keystroke's search, and asked
 * for on every letter it would hold up the next one. The count is kept for
 * the text it was for, so it never stands beside another search's names.
 */
function useWholeCount(search: NameSearch<KioskMatch>): number | null {
  const [count, setCount] = useState<{ query: string; total: number } | null>(null);
  const wanted = search.status === 'ready' && search.more ? search.answered.trim() : null;
  useEffect(() => {
    if (wanted === null) return;
    let current = true;
    const timer = setTimeout(() => {
      call('kiosk.countMatches', { query: wanted }).then(
        (whole) => {
          if (current) setCount(whole);
        },
        // Without the whole count the line still says, truthfully, "more than 200".
        () => undefined,
      );
    }, COUNT_AFTER_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [wanted]);
  return wanted !== null && count?.query === wanted ? count.total : null;
}

/** What the polite status line says about the search, in the reader's language. */
function useSearchMessage(search: NameSearch<KioskMatch>, none: string | undefined): string {
  const { t } = useTranslation();
  const whole = useWholeCount(search);
  // More match than fit on the screen: say how many in all, and how to find yours among them.
  const foundText = ({ matches, total, more }: { matches: KioskMatch[]; total: number; more: boolean }) => {
    if (more && whole !== null) return t('kiosk.find.foundSome', { total: whole, shown: matches.length });
    if (more) return t('kiosk.find.foundMany', { total, shown: matches.length });
    return total > matches.length ? t('kiosk.find.foundSome', { total, shown: matches.length }) : t('kiosk.find.found', { count: matches.length });
  };
  switch (search.status) {
    case 'short':
      return t('kiosk.find.typeMore');
    case 'failed':
      return t('kiosk.find.failed');
    case 'searching':
      // Keep the last count while the next answer comes (a millisecond), so the line does not flicker.
      return search.matches.length > 0 ? foundText(search) : t('kiosk.find.searching');
    case 'ready':
      return search.matches.length > 0 ? foundText(search) : (none ?? t('kiosk.find.none'));
  }
}

/**
 * Step 1: type a few letters, pick your name. Each match shows only a first
 * name, an initial and an organisation, never contact details. Down arrow
 * goes from the box to the names. Someone who cannot be chosen is listed as
 * done, not as a button, so the arrow keys pass them by.
 */
export function FindName<M extends KioskMatch>({ query, search, type, choose, notOnList, back, hint, none, done, mark }: FindNameProps<M>) {
  const { t } = useTranslation();
  const message = useSearchMessage(search, none);
  const matches = 'matches' in search ? search.matches : [];

  return (
    <KioskScreen title={t('kiosk.find.title')}>
      <div className="kiosk-search" onKeyDown={moveAlong}>
        <div className="kiosk-field">
          <label className="kiosk-field__label" htmlFor="kiosk-name">
            {t('kiosk.find.label')}
          </label>
          <p className="kiosk-field__hint" id="kiosk-name-hint">
            {hint ?? t('kiosk.find.hint')}
          </p>
          <input
            id="kiosk-name"
            className="kiosk-input"
            type="text"
            dir="auto"
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="words"
            spellCheck={false}
            maxLength={100}
            data-arrow-item
            aria-describedby="kiosk-name-hint kiosk-name-status"
            value={query}
            onChange={(event) => type(event.target.value)}
          />
        </div>
        <p
          id="kiosk-name-status"
          className="kiosk-search__status"
          role="status"
          data-answered={search.status === 'ready' ? search.answered : undefined}
        >
          {message}
        </p>
        {matches.length > 0 && (
          <>
            <h2 className="visually-hidden">{t('kiosk.find.results')}</h2>
            <ul className="kiosk-choices">
              {matches.map((match) => {
                const finished = done?.(match);
                const marked = mark?.(match);
                return (
                  <li key={match.personId}>
                    {finished ? (
                      <p className="kiosk-done">
                        <span className="kiosk-done__tick" aria-hidden="true">
                          ✓
                        </span>
                        <InEnglish>{match.label}</InEnglish>
                        <span className="kiosk-done__note">{finished}</span>
                      </p>
                    ) : (
                      <button type="button" className="kiosk-button kiosk-button--choice" data-arrow-item onClick={() => choose(match)}>
                        <InEnglish>{match.label}</InEnglish>
                        {marked && (
                          <span className="kiosk-choice__mark">
                            <span aria-hidden="true">✓ </span>
                            {marked}
                          </span>
                        )}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>
      <KioskActions>
        {notOnList && (
          <KioskButton kind="secondary" onClick={notOnList}>
            {t('kiosk.find.notOnList')}
          </KioskButton>
        )}
        <KioskButton kind="quiet" onClick={back}>
          {t('kiosk.actions.back')}
        </KioskButton>
      </KioskActions>
    </KioskScreen>
  );
}
