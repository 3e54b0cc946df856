import type { NoteVersion } from '../../../shared/contract';
import { decodeHlc } from '../../sync/hlc';
import type { CoreContext } from '../deps';
import { deviceNamer } from '../people/person-history';

/**
 * Every text each note has had, oldest first, read from the change log: the
 * note's creation and each correction are changes there, made through the
 * write path on whichever computer, and an imported end-of-day file brings
 * the laptop's changes with their own clock stamps and computer. So a
 * correction needs no table of its own, and a text overwritten by a later
 * correction (or by one made at the same time elsewhere) is still there to
 * read. One query for all the notes asked about, along change_log_by_row.
 * The office's responses are read the same way (`field` 'response'), so a
 * changed response keeps the one before it.
 */
export function noteVersions(ctx: CoreContext, noteIds: readonly string[], field: 'text' | 'response' = 'text'): Map<string, NoteVersion[]> {
  const versions = new Map<string, NoteVersion[]>(noteIds.map((id) => [id, []]));
  if (noteIds.length === 0) return versions;
  // The field's name is one of two constants, never input: safe inside the JSON path.
  const rows = ctx.sqlite
    .prepare(
      `SELECT row_id, hlc, device_id, json_extract(fields, '$.${field}') AS text
       FROM change_log
       WHERE table_name = 'session_notes' AND row_id IN (SELECT value FROM json_each(?)) AND json_type(fields, '$.${field}') = 'text'
       ORDER BY hlc, id`,
    )
    .all(JSON.stringify(noteIds)) as { row_id: string; hlc: string; device_id: string; text: string }[];
  const device = deviceNamer(ctx);
  for (const row of rows) {
    const list = versions.get(row.row_id)!;
    // An edit that set the text it already had (tags or the status changed beside it, say) is not a new version.
    if (list.at(-1)?.text === row.text) continue;
    list.push({ text: row.text, writtenAt: new Date(decodeHlc(row.hlc).wallMs).toISOString(), deviceName: device(row.device_id) });
  }
  return versions;
}
