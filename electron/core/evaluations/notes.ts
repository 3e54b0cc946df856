import { z } from 'zod';
import type { NoteVersion, SessionNote } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { getSession } from '../catalogue/sessions';
import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { write } from '../write';
import { noteVersions } from './note-versions';

const StoredTags = z.array(z.string());

function noteQuery(ctx: CoreContext) {
  return ctx.db
    .selectFrom('session_notes as n')
    .innerJoin('sessions as s', 's.id', 'n.session_id')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .selectAll('n')
    .select(['s.starts_at', 'c.title']);
}

type NoteRow = Awaited<ReturnType<ReturnType<typeof noteQuery>['executeTakeFirstOrThrow']>>;

function toNote(row: NoteRow, versions: NoteVersion[], responseVersions: NoteVersion[]): SessionNote {
  return {
    id: row.id,
    sessionId: row.session_id,
    sessionLabel: `${row.title}, ${row.starts_at.slice(0, 10)}`,
    text: row.text,
    tags: StoredTags.parse(JSON.parse(row.tags)),
    needsResponse: row.needs_response === 1,
    status: row.status,
    response: row.response,
    createdAt: row.created_at,
    respondedAt: row.responded_at,
    // A note whose changes this computer never logged (none should be) still shows the text it has.
    versions: versions.length > 0 ? versions : [{ text: row.text, writtenAt: row.created_at, deviceName: 'Not known' }],
    responseVersions,
  };
}

/** The notes with every text and every response each has had. */
function withVersions(ctx: CoreContext, rows: NoteRow[]): SessionNote[] {
  const ids = rows.map((row) => row.id);
  const versions = noteVersions(ctx, ids);
  const responses = noteVersions(ctx, ids, 'response');
  return rows.map((row) => toNote(row, versions.get(row.id) ?? [], responses.get(row.id) ?? []));
}

async function getNote(ctx: CoreContext, id: string): Promise<SessionNote> {
  const row = await noteQuery(ctx).where('n.id', '=', id).executeTakeFirst();
  if (!row) throw new FieldbookError('NOT_FOUND', 'Choose a note from the list: that one could not be found.');
  return withVersions(ctx, [row])[0]!;
}

/** What was raised in a session, and the office's answer to it: the "You said, we did" log. */
export function noteHandlers(ctx: CoreContext): HandlerGroup<'notes'> {
  return {
    async 'notes.add'({ sessionId, text, tags, needsResponse }) {
      await getSession(ctx, sessionId);
      const cleanTags = [...new Set(tags.map((tag) => tag.toLowerCase()))];
      const id = await write(ctx, async (scope) => {
        const id = scope.newId();
        await scope.insert('session_notes', {
          id,
          session_id: sessionId,
          text,
          tags: JSON.stringify(cleanTags),
          needs_response: needsResponse ? 1 : 0,
          status: 'open',
          response: null,
          created_at: ctx.clock().toISOString(),
          responded_at: null,
        });
        return id;
      });
      return getNote(ctx, id);
    },

    async 'notes.list'({ sessionId, status }) {
      let query = noteQuery(ctx);
      if (sessionId) query = query.where('n.session_id', '=', sessionId);
      if (status) query = query.where('n.status', '=', status);
      return withVersions(ctx, await query.orderBy('n.created_at', 'desc').execute());
    },

    async 'notes.correct'({ id, text }) {
      const note = await getNote(ctx, id);
      if (note.text === text) {
        throw new FieldbookError('INVALID_INPUT', 'Change the text to correct the note: it says the same as now.', {
          text: 'Change the text to correct the note: it says the same as now.',
        });
      }
      // Only the text changes; the earlier one stays in the change log, where the note's versions are read from.
      await write(ctx, (scope) => scope.update('session_notes', id, { text }));
      return getNote(ctx, id);
    },

    async 'notes.respond'({ id, response, status }) {
      await getNote(ctx, id);
      await write(ctx, (scope) => scope.update('session_notes', id, { response, status, responded_at: ctx.clock().toISOString() }));
      return getNote(ctx, id);
    },
  };
}
