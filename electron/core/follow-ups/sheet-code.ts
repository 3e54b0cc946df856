import { looksLikeFollowUpCode, normaliseFollowUpCode } from '../../../shared/contract/follow-ups';
import type { Read } from '../sheets/values';

/**
 * A results sheet's follow-up code cell, read as the code it is ("k7mp 3xq9"
 * is K7MP3XQ9), or null for a row without one (an end-of-session response,
 * read by its course, date and venue). On a sheet with no course column a
 * row without a code cannot be placed at all.
 */
export function readFollowUpCode(text: string, sheetNamesSessions: boolean): Read<string | null> {
  if (text === '') return sheetNamesSessions ? { ok: true, value: null } : { ok: false, reason: 'no follow-up code' };
  const code = normaliseFollowUpCode(text);
  if (!looksLikeFollowUpCode(code)) return { ok: false, reason: `"${text}" is not a follow-up code: a code is 8 letters and numbers, for example K7MP-3XQ9` };
  return { ok: true, value: code };
}
