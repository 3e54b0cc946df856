import { NO_CODE, NO_PERSON, type ChangeFacts } from './change-facts';
import { ANONYMOUS, UNKNOWN_PERSON } from './response-facts';

/**
 * The change report's answers session by session, with who gave each worked
 * out once: the person it counts for, that person's organisation and its
 * pair key at the session (a person kept after merges, a stranger, or an
 * anonymous answer's pairing code). All in the order a report reads them,
 * so a report over five years reads these columns straight through instead
 * of looking up a person-sized array at random for every answer (which cost
 * most of the report's time: docs/benchmarks.md, "Change through the
 * training cycle"). Worked out again only when the answers or the people
 * (merges, organisations, erasures) change.
 */
export interface ChangeSessions {
  /** Answers of session n are at positions start[n] … start[n + 1] of the lists below. */
  start: Int32Array;
  /** By position: the answer's index in the change facts (each session's in the order stored). */
  order: Int32Array;
  /** By position: the person the answer counts for (kept after merges), ANONYMOUS or UNKNOWN_PERSON. */
  kept: Int32Array;
  /** By position: the kept person's organisation number, -1 for none (and for ANONYMOUS and UNKNOWN_PERSON). */
  organisation: Int32Array;
  /** By position: its pair key, numbered 0, 1, … within its session in the order met; -1 for an anonymous answer without a pairing code. */
  pairKey: Int32Array;
  /** By session number: how many pair keys it has. */
  pairKeys: Int32Array;
  /** The most pair keys any one session has. */
  mostPairKeys: number;
}

const held = new WeakMap<ChangeFacts, { answers: number; people: number; sessions: number; found: ChangeSessions }>();

/** The answers by session for these (just refreshed) change facts. */
export function changeSessions(change: ChangeFacts): ChangeSessions {
  const { people, attendance } = change.reportFacts;
  const sessions = attendance.sessions.length;
  const last = held.get(change);
  if (last && last.answers === change.generation && last.people === people.generation && last.sessions === sessions) return last.found;
  const found = workOut(change, sessions);
  held.set(change, { answers: change.generation, people: people.generation, sessions, found });
  return found;
}

function workOut(change: ChangeFacts, sessions: number): ChangeSessions {
  const { people } = change.reportFacts;
  const session = change.session.view();
  const person = change.person.view();
  const code = change.code.view();
  const root = people.root;
  const present = people.present.view();
  const organisationOf = people.organisation.view();

  const start = new Int32Array(sessions + 1);
  for (let i = 0; i < session.length; i += 1) if (session[i]! >= 0) start[session[i]! + 1]! += 1;
  for (let n = 0; n < sessions; n += 1) start[n + 1]! += start[n]!;
  const fill = start.slice(0, sessions);
  const order = new Int32Array(start[sessions]!);
  for (let i = 0; i < session.length; i += 1) if (session[i]! >= 0) order[fill[session[i]!]!++] = i;

  const kept = new Int32Array(order.length);
  const organisation = new Int32Array(order.length);
  const pairKey = new Int32Array(order.length);
  const pairKeys = new Int32Array(sessions);
  let mostPairKeys = 0;
  // Pair keys are numbered afresh at each session: a person or code stamped with the session it last had a key at.
  const personStamp = new Int32Array(people.size).fill(-1);
  const personKey = new Int32Array(people.size);
  const codeStamp = new Int32Array(change.codes.size).fill(-1);
  const codeKey = new Int32Array(change.codes.size);
  const strangerKeys = new Map<number, number>();
  for (let n = 0; n < sessions; n += 1) {
    let keys = 0;
    strangerKeys.clear();
    for (let at = start[n]!; at < start[n + 1]!; at += 1) {
      const i = order[at]!;
      const recorded = person[i]!;
      let key = -1;
      if (recorded >= 0) {
        // Who gave it is the person kept after merges; it counts for them while their row is there.
        const identity = root[recorded]!;
        kept[at] = present[identity] ? identity : UNKNOWN_PERSON;
        organisation[at] = present[identity] ? organisationOf[identity]! : -1;
        if (personStamp[identity] !== n) {
          personStamp[identity] = n;
          personKey[identity] = keys++;
        }
        key = personKey[identity]!;
      } else if (recorded !== NO_PERSON) {
        kept[at] = UNKNOWN_PERSON;
        organisation[at] = -1;
        key = strangerKeys.get(recorded) ?? -1;
        if (key < 0) strangerKeys.set(recorded, (key = keys++));
      } else {
        kept[at] = ANONYMOUS;
        organisation[at] = -1;
        const c = code[i]!;
        if (c !== NO_CODE) {
          if (codeStamp[c] !== n) {
            codeStamp[c] = n;
            codeKey[c] = keys++;
          }
          key = codeKey[c]!;
        }
      }
      pairKey[at] = key;
    }
    pairKeys[n] = keys;
    if (keys > mostPairKeys) mostPairKeys = keys;
  }
  return { start, order, kept, organisation, pairKey, pairKeys, mostPairKeys };
}
