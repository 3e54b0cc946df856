import { expect } from 'vitest';
import type { Roster, RosterEntry, Session } from '../../shared/contract';
import { databaseHash, refusal, seedSession, TEST_TODAY, type Call, type TempCore } from './temp-core';

/** Helpers for booking and waitlist tests: who is where on a roster, and refusals that write nothing. */

export function entryFor(roster: Roster, personId: string): RosterEntry {
  const entry = roster.entries.find((candidate) => candidate.personId === personId);
  if (!entry) throw new Error(`${personId} is not on the roster`);
  return entry;
}

/** The people waiting, in the order the waitlist panel shows them. */
export function queueOf(roster: Roster): string[] {
  return roster.entries
    .filter((entry) => entry.state === 'waitlisted')
    .sort((a, b) => a.waitlistPosition! - b.waitlistPosition!)
    .map((entry) => entry.personId);
}

export function inState(roster: Roster, state: RosterEntry['state']): string[] {
  return roster.entries.filter((entry) => entry.state === state).map((entry) => entry.personId);
}

/** Adds people by given name (family name "Test"), returning their ids in the same order. */
export async function addPeople(call: Call, ...givenNames: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const givenName of givenNames) ids.push((await call('people.create', { givenName, familyName: 'Test' })).id);
  return ids;
}

/** Books each person in turn, a minute apart, so "first come" is unambiguous. */
export async function bookInTurn(temp: TempCore, sessionId: string, personIds: string[]): Promise<Roster> {
  let roster: Roster | undefined;
  for (const personId of personIds) {
    roster = await temp.call('signIn.book', { sessionId, personId });
    temp.clock.advance(60_000);
  }
  return roster ?? temp.call('signIn.roster', { sessionId });
}

/** Calls a procedure expecting a refusal, and checks that nothing at all was written. */
export async function refusedWritingNothing(temp: TempCore, name: Parameters<typeof refusal>[1], input: unknown) {
  const before = databaseHash(temp.sqlite);
  const error = await refusal(temp.dispatch, name, input);
  expect(databaseHash(temp.sqlite)).toBe(before);
  return error;
}

/** A wall-clock time on the laptop, read as the venue's local time (as session times are). */
export function localTime(day: string, time: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(year, month - 1, date, hours, minutes);
}

/** The clock at 09:00 today, and a session of four places today at 10:00: a morning before a session starts. */
export async function morningBeforeTenOClockSession(temp: TempCore): Promise<Session> {
  temp.clock.set(localTime(TEST_TODAY, '09:00'));
  return seedSession(temp.call, { day: TEST_TODAY, start: '10:00', capacity: 4 });
}
