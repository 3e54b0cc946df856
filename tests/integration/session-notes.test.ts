import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/contract';
import { refusedWritingNothing } from '../support/bookings';
import { seedSession, tempCore, TEST_TODAY, type TempCore } from '../support/temp-core';

/**
 * What was raised in a session, noted by the facilitator with tags, and the
 * office's answer to it later: the "You said, we did" log.
 */

let temp: TempCore;
let session: Session;

beforeEach(async () => {
  temp = await tempCore({ setUp: true });
  session = await seedSession(temp.call, { day: TEST_TODAY, title: 'Working with different communities' });
});

afterEach(async () => {
  await temp.cleanup();
});

describe('noting what was raised', () => {
  it('keeps the note with its tags in lower case, each once, open, and marked as needing a response', async () => {
    const note = await temp.call('notes.add', {
      sessionId: session.id,
      text: 'Two people could not register with a GP without proof of address',
      tags: ['GP registration', 'Housing', 'housing', ' HOUSING '],
      needsResponse: true,
    });
    expect(note).toMatchObject({
      sessionId: session.id,
      sessionLabel: `Working with different communities, ${TEST_TODAY}`,
      text: 'Two people could not register with a GP without proof of address',
      tags: ['gp registration', 'housing'],
      needsResponse: true,
      status: 'open',
      response: null,
      respondedAt: null,
      createdAt: '2026-03-12T09:00:00.000Z',
    });
    expect(await temp.call('notes.list', { sessionId: session.id })).toEqual([note]);
  });

  it('needs no tags and, unless asked, no response', async () => {
    const note = await temp.call('notes.add', { sessionId: session.id, text: 'Good discussion of interpreting' });
    expect(note).toMatchObject({ tags: [], needsResponse: false, status: 'open' });
  });

  it('refuses an empty note, or a note for a session that does not exist, writing nothing', async () => {
    expect((await refusedWritingNothing(temp, 'notes.add', { sessionId: session.id, text: '   ' })).code).toBe('INVALID_INPUT');
    const missing = await refusedWritingNothing(temp, 'notes.add', { sessionId: '0195f0a4-3b2c-7d1e-8f00-00000000dead', text: 'Raised housing' });
    expect(missing.code).toBe('NOT_FOUND');
  });
});

describe('the "You said, we did" log', () => {
  let other: Session;
  let ids: { gp: string; interpreting: string; cold: string };

  beforeEach(async () => {
    other = await seedSession(temp.call, { day: '2026-03-19', title: 'Mental health awareness' });
    const add = async (sessionId: string, text: string, tags: string[]) => {
      const note = await temp.call('notes.add', { sessionId, text, tags, needsResponse: true });
      temp.clock.advance(60_000);
      return note.id;
    };
    ids = {
      gp: await add(session.id, 'GP registration refused without ID', ['GP registration']),
      interpreting: await add(session.id, 'No interpreter for Tigrinya', ['Interpreting']),
      cold: await add(other.id, 'The hall was cold', ['Venue']),
    };
  });

  it('lists one session’s notes, newest first', async () => {
    expect((await temp.call('notes.list', { sessionId: session.id })).map((note) => note.id)).toEqual([ids.interpreting, ids.gp]);
    expect((await temp.call('notes.list', { sessionId: other.id })).map((note) => note.id)).toEqual([ids.cold]);
  });

  it('lists every session’s notes when no session is given', async () => {
    expect((await temp.call('notes.list', {})).map((note) => note.id)).toEqual([ids.cold, ids.interpreting, ids.gp]);
  });

  it('records the office’s response with its status and time, and lists notes by status', async () => {
    temp.clock.set('2026-03-20T11:30:00.000Z');
    const responded = await temp.call('notes.respond', {
      id: ids.gp,
      response: 'We wrote to the practice managers about the GP access guidance',
      status: 'responded',
    });
    expect(responded).toMatchObject({
      id: ids.gp,
      status: 'responded',
      response: 'We wrote to the practice managers about the GP access guidance',
      respondedAt: '2026-03-20T11:30:00.000Z',
    });
    const closed = await temp.call('notes.respond', { id: ids.cold, response: 'The venue has fixed the heating', status: 'closed' });
    expect(closed).toMatchObject({ status: 'closed', response: 'The venue has fixed the heating' });

    const byStatus = async (status: 'open' | 'responded' | 'closed') => (await temp.call('notes.list', { status })).map((note) => note.id);
    expect(await byStatus('open')).toEqual([ids.interpreting]);
    expect(await byStatus('responded')).toEqual([ids.gp]);
    expect(await byStatus('closed')).toEqual([ids.cold]);
    expect((await temp.call('notes.list', { sessionId: session.id, status: 'open' })).map((note) => note.id)).toEqual([ids.interpreting]);
    expect((await temp.call('notes.list', { sessionId: other.id, status: 'open' })).map((note) => note.id)).toEqual([]);
  });

  it('refuses an empty response, writing nothing and leaving the note open', async () => {
    for (const response of ['', '   ']) {
      const error = await refusedWritingNothing(temp, 'notes.respond', { id: ids.gp, response, status: 'responded' });
      expect(error).toMatchObject({ code: 'INVALID_INPUT', fields: { response: expect.any(String) } });
    }
    expect((await temp.call('notes.list', { sessionId: session.id })).find((note) => note.id === ids.gp)).toMatchObject({ status: 'open', response: null });
  });

  it('refuses a response to a note that does not exist, or a status other than responded or closed, writing nothing', async () => {
    const missing = await refusedWritingNothing(temp, 'notes.respond', { id: '0195f0a4-3b2c-7d1e-8f00-00000000dead', response: 'Done', status: 'closed' });
    expect(missing.code).toBe('NOT_FOUND');
    const reopened = await refusedWritingNothing(temp, 'notes.respond', { id: ids.gp, response: 'Done', status: 'open' });
    expect(reopened).toMatchObject({ code: 'INVALID_INPUT', fields: { status: expect.any(String) } });
  });
});
