import { useTranslation } from 'react-i18next';
import type { KioskMatch } from '../../../../../shared/contract';
import { moveAlong } from '../arrowKeys';
import { KioskActions, KioskButton, KioskScreen } from '../KioskScreen';
import type { NameSearch } from './useNameSearch';

interface FindNameProps {
  query: string;
  search: NameSearch;
  type(text: string): void;
  choose(match: KioskMatch): void;
  notOnList(): void;
  back(): void;
}

/** What the polite status line says about the search, in the reader's language. */
function useSearchMessage(search: NameSearch): string {
  const { t } = useTranslation();
  switch (search.status) {
    case 'short':
      return t('kiosk.find.typeMore');
    case 'failed':
      return t('kiosk.find.failed');
    case 'searching':
      // Keep the last count while the next answer comes (a millisecond), so the line does not flicker.
      return search.matches.length > 0 ? t('kiosk.find.found', { count: search.matches.length }) : t('kiosk.find.searching');
    case 'ready':
      return search.matches.length > 0 ? t('kiosk.find.found', { count: search.matches.length }) : t('kiosk.find.none');
  }
}

/**
 * Step 1: type a few letters, pick your name. Each match shows only a first
 * name, an initial and an organisation, never contact details. Down arrow
 * goes from the box to the names.
 */
export function FindName({ query, search, type, choose, notOnList, back }: FindNameProps) {
  const { t } = useTranslation();
  const message = useSearchMessage(search);
  const matches = 'matches' in search ? search.matches : [];

  return (
    <KioskScreen title={t('kiosk.find.title')}>
      <div className="kiosk-search" onKeyDown={moveAlong}>
        <div className="kiosk-field">
          <label className="kiosk-field__label" htmlFor="kiosk-name">
            {t('kiosk.find.label')}
          </label>
          <p className="kiosk-field__hint" id="kiosk-name-hint">
            {t('kiosk.find.hint')}
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
        <p id="kiosk-name-status" className="kiosk-search__status" role="status">
          {message}
        </p>
        {matches.length > 0 && (
          <>
            <h2 className="visually-hidden">{t('kiosk.find.results')}</h2>
            <ul className="kiosk-choices">
              {matches.map((match) => (
                <li key={match.personId}>
                  <button type="button" className="kiosk-button kiosk-button--choice" data-arrow-item onClick={() => choose(match)}>
                    <bdi>{match.label}</bdi>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <KioskActions>
        <KioskButton kind="secondary" onClick={notOnList}>
          {t('kiosk.find.notOnList')}
        </KioskButton>
        <KioskButton kind="quiet" onClick={back}>
          {t('kiosk.actions.back')}
        </KioskButton>
      </KioskActions>
    </KioskScreen>
  );
}
