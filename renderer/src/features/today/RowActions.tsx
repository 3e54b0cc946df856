import type { ReactNode } from 'react';
import type { RosterEntry } from '../../../../shared/contract';
import type { RosterApi } from './useRoster';

/** What a row asks the table to open: the question before a cancel or an undo. */
export type RowQuestion = 'cancel' | 'undo' | 'overCapacity';

/**
 * One row button. Once the person is signed in, "Sign in" becomes "Signed in"
 * (`done`): the same button element in the same place, saying so and doing
 * nothing, so a second press (a double click, a double Enter) lands on it and
 * changes nothing, and keyboard focus stays where it was. One component for
 * both, so React keeps the element rather than replacing it.
 */
function RowButton({ label, name, style, busy, done = false, onClick }: {
  label: string;
  name: string;
  style: string;
  busy: boolean;
  done?: boolean;
  onClick(): void;
}) {
  return (
    <button
      type="button"
      className={done ? 'button button--done' : `button ${style}`}
      aria-disabled={done || busy || undefined}
      onClick={done ? undefined : onClick}
    >
      {done && <span aria-hidden="true">✓ </span>}
      {label}
      <span className="visually-hidden"> {name}</span>
    </button>
  );
}

/**
 * A row's actions in two fixed slots, most likely first. The first slot holds
 * "Sign in" (or, once done, the inert "Signed in"); the second holds what
 * takes it back. "Undo sign-in" is never in the first slot, where the pressed
 * button was, and it asks before it undoes.
 */
export function RowActions({ api, entry, act, ask }: {
  api: RosterApi;
  entry: RosterEntry;
  act(run: () => Promise<boolean>): void;
  ask(question: RowQuestion): void;
}) {
  const open = api.closedReason === null;
  const button = (label: string, style: string, onClick: () => void, done = false) => (
    <RowButton label={label} name={entry.name} style={style} busy={api.busy} done={done} onClick={onClick} />
  );
  const signIn = () => act(() => api.signIn('table', entry));
  let first: ReactNode = null;
  let second: ReactNode = null;
  switch (entry.state) {
    case 'signed_in':
      first = button('Signed in', '', () => undefined, true);
      second = open ? button('Undo sign-in', 'button--secondary', () => ask('undo')) : null;
      break;
    case 'booked':
    case 'offered':
      // Signing in someone offered a place takes the offer up.
      first = open ? button('Sign in', '', signIn) : null;
      second = button('Cancel booking', 'button--warning', () => ask('cancel'));
      break;
    case 'waitlisted':
      // The core gives them a free place if there is one, or notes that they are here and waiting.
      first = open ? button('Sign in', 'button--secondary', signIn) : null;
      // Full, and they are here: the facilitator may give them a place beyond capacity, with a reason.
      second = open && api.roster.counts.seatsLeft === 0 ? button('Sign in anyway', 'button--secondary', () => ask('overCapacity')) : null;
      break;
    default:
      // Cancelled or did not come, yet here after all: signing in books them again if there is a place.
      first = open
        ? button('Sign in', 'button--secondary', signIn)
        : button('Book again', 'button--secondary', () => act(() => api.book('table', entry)));
  }
  return (
    <>
      <span className="row-slot row-slot--first" key="first">
        {first}
      </span>
      <span className="row-slot row-slot--second" key="second">
        {second}
      </span>
    </>
  );
}
