import type { Roster, RosterEntry } from '../../../../shared/contract';
import { call } from '../../api/client';
import type { ReasonQuestion } from './ReasonDialog';

/** Every waiting-list change that asks for a reason. */
export type ReasonAction = 'up' | 'down' | 'front' | 'remove' | 'pass';

interface ReasonActionWords {
  /** The row's button: "Move up". */
  button: string;
  question(name: string): Omit<ReasonQuestion, 'save'>;
  send(sessionId: string, personId: string, reason: string): Promise<Roster>;
  /** What the status region says afterwards, from the roster the core returned. */
  done(name: string, after: Roster, personId: string): string;
}

const shownBeside = 'It is shown beside their name on the waiting list and kept in the booking’s history.';
const kept = 'It is kept in the booking’s history.';

function positionOf(roster: Roster, personId: string): number | null {
  return roster.entries.find((entry) => entry.personId === personId)?.waitlistPosition ?? null;
}

function nowAt(roster: Roster, personId: string): string {
  const position = positionOf(roster, personId);
  return position === null ? '' : ` to number ${position}`;
}

/** The words and the call for each action, so the one ReasonDialog serves them all. */
export const reasonActions: Record<ReasonAction, ReasonActionWords> = {
  up: {
    button: 'Move up',
    question: (name) => ({
      title: `Move ${name} up the waiting list?`,
      explain: 'They swap places with the person above them.',
      hint: shownBeside,
      whenEmpty: `Write why ${name} is moving up.`,
      confirm: 'Move up',
    }),
    send: (sessionId, personId, reason) => call('bookings.move', { sessionId, personId, direction: 'up', reason }),
    done: (name, after, personId) => `${name} moved up${nowAt(after, personId)}.`,
  },
  down: {
    button: 'Move down',
    question: (name) => ({
      title: `Move ${name} down the waiting list?`,
      explain: 'They swap places with the person below them.',
      hint: kept,
      whenEmpty: `Write why ${name} is moving down.`,
      confirm: 'Move down',
    }),
    send: (sessionId, personId, reason) => call('bookings.move', { sessionId, personId, direction: 'down', reason }),
    done: (name, after, personId) => `${name} moved down${nowAt(after, personId)}.`,
  },
  front: {
    button: 'Move to front',
    question: (name) => ({
      title: `Move ${name} to the front of the waiting list?`,
      explain: 'They will be offered the next place that frees up.',
      hint: `For example: membership deadline, must complete the core course within 6 months of joining. ${shownBeside}`,
      whenEmpty: `Write why ${name} is moving to the front.`,
      confirm: 'Move to front',
    }),
    send: (sessionId, personId, reason) => call('bookings.raisePriority', { sessionId, personId, reason }),
    done: (name) => `${name} is now first on the waiting list.`,
  },
  remove: {
    button: 'Remove',
    question: (name) => ({
      title: `Remove ${name} from the waiting list?`,
      explain: 'They will no longer be offered a place on this session. You can add them again later.',
      hint: kept,
      whenEmpty: `Write why ${name} is being removed.`,
      confirm: 'Remove from the waiting list',
      warning: true,
    }),
    send: (sessionId, personId, reason) => call('bookings.removeFromWaitlist', { sessionId, personId, reason }),
    done: (name) => `${name} was removed from the waiting list.`,
  },
  pass: {
    button: 'Pass on',
    question: (name) => ({
      title: `Pass on the place offered to ${name}?`,
      explain: 'They will not take it. The place is offered to the next person waiting.',
      hint: kept,
      whenEmpty: `Write why ${name} is not taking the place.`,
      confirm: 'Pass on the place',
      warning: true,
    }),
    send: (sessionId, personId, reason) => call('bookings.passOffer', { sessionId, personId, reason }),
    done: (name) => `${name} passed on the offered place.`,
  },
};

/** The actions a waiting person's row offers: moving only where there is somewhere to move to. */
export function queueActions(entry: RosterEntry, last: number): ReasonAction[] {
  const position = entry.waitlistPosition ?? 0;
  const actions: ReasonAction[] = [];
  if (position > 1) actions.push('up');
  if (position < last) actions.push('down');
  if (position > 1) actions.push('front');
  actions.push('remove');
  return actions;
}
