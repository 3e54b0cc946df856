import type { ParsedInput } from '../../../shared/contract';
import type { Handlers } from '../handler-types';

/**
 * The procedures behind the list screens, unwrapped (not yet queued on the
 * write path, which the download itself is already running on). A download
 * reads its rows through them, so it never differs from the screen, and so an
 * office-only list refuses on a laptop exactly as its screen's call does.
 */
export type ListSources = Pick<
  Handlers,
  'people.list' | 'organisations.list' | 'contracts.list' | 'sessions.list' | 'signIn.roster' | 'requests.list' | 'sync.importLog' | 'sync.conflicts' | 'sync.duplicates' | 'members.list'
>;

export type DownloadInput = ParsedInput<'exports.download'>;
export type InputFor<L extends DownloadInput['list']> = Extract<DownloadInput, { list: L }>;

/**
 * The screens show the first few hundred rows; a download has them all, up to
 * what one sheet of a spreadsheet can hold (1,048,576 rows, one of them the headings).
 */
export const EVERY_ROW = 1_048_575;
