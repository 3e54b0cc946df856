import { z } from 'zod';
import { SearchInput } from './common';
import { MembersListInput } from './membership';
import { OutgoingFile } from './pairing';

/**
 * Any list a screen shows, downloaded as a spreadsheet (XLSX) or a CSV file.
 * The rows are the ones the list's own procedure returns, so a download never
 * shows more, or other, than the screen would.
 */

export const exportFormats = ['xlsx', 'csv'] as const;
const Format = z.enum(exportFormats, { error: 'Choose a spreadsheet (xlsx) or a CSV file.' });

const SessionId = z.uuid({
  error: (issue) => (issue.input === undefined ? 'Choose the session to download.' : 'Choose the session again: that session reference is not one Fieldbook made.'),
});

const Search = SearchInput.shape.query;

/** Each list with what it needs, in the words of the screen it is on. */
const listInputs = [
  z.strictObject({ list: z.literal('people'), format: Format, query: Search }),
  z.strictObject({ list: z.literal('organisations'), format: Format, query: Search }),
  z.strictObject({ list: z.literal('contracts'), format: Format, query: Search }),
  z.strictObject({
    list: z.literal('sessions'),
    format: Format,
    query: Search,
    includePast: z.boolean({ error: 'Say whether to include past sessions.' }).default(false),
  }),
  /** Everyone on a session, with the columns of the printed sign-in sheet. */
  z.strictObject({ list: z.literal('roster'), format: Format, sessionId: SessionId }),
  z.strictObject({ list: z.literal('waitlist'), format: Format, sessionId: SessionId }),
  z.strictObject({ list: z.literal('requests'), format: Format }),
  // The office's lists: a laptop is refused them as it is refused the screens.
  z.strictObject({ list: z.literal('importLog'), format: Format }),
  z.strictObject({ list: z.literal('conflicts'), format: Format }),
  z.strictObject({ list: z.literal('duplicates'), format: Format }),
  /** Members of a scheme with the filters of the members screen. */
  MembersListInput.extend({ list: z.literal('members'), format: Format }),
] as const;

export type ExportList = (typeof listInputs)[number]['shape']['list']['value'];

export const ExportInput = z.discriminatedUnion('list', listInputs, {
  error: 'Choose which list to download: people, organisations, contracts, sessions, a roster, a waiting list, requests, the import log, conflicts, duplicates or members.',
});
export type ExportInput = z.input<typeof ExportInput>;

export const exportProcedures = {
  'exports.download': { kind: 'query', input: ExportInput, output: OutgoingFile },
} as const;
