import { randomInt } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { FOLLOW_UP_CODE_ALPHABET, FOLLOW_UP_CODE_LENGTH } from '../../../shared/contract/follow-ups';

/**
 * Personal follow-up codes: 8 characters from 31 (about 40 bits), from the
 * operating system's random source, so a code says nothing about its person,
 * session or the order codes were made in. They are kept plain in
 * follow_up_codes (migration 0030): the office prints a form again or
 * answers a phone call with the code in hand, and the database is encrypted
 * at rest already; the mail-merge file holds every code in the clear anyway.
 * A code answers once (answered_at).
 */
export function newFollowUpCode(): string {
  let code = '';
  for (let index = 0; index < FOLLOW_UP_CODE_LENGTH; index += 1) code += FOLLOW_UP_CODE_ALPHABET[randomInt(FOLLOW_UP_CODE_ALPHABET.length)];
  return code;
}

export interface CodeRow {
  code: string;
  session_id: string;
  person_id: string;
  template_id: string;
  asked_at: string;
  answered_at: string | null;
  response_id: string | null;
}

export function codeRow(sqlite: Database, code: string): CodeRow | undefined {
  return sqlite.prepare('SELECT * FROM follow_up_codes WHERE code = ?').get(code) as CodeRow | undefined;
}

/** A new code for a person at a session, unique among every code the office has made (a repeat, about one in a million at 1,000 codes, draws again). */
export function giveCode(sqlite: Database, row: Omit<CodeRow, 'code' | 'answered_at' | 'response_id'>): string {
  const insert = sqlite.prepare(
    'INSERT INTO follow_up_codes (code, session_id, person_id, template_id, asked_at) VALUES (@code, @session_id, @person_id, @template_id, @asked_at) ON CONFLICT (code) DO NOTHING',
  );
  for (;;) {
    const code = newFollowUpCode();
    if (insert.run({ ...row, code }).changes === 1) return code;
  }
}

export function markAnswered(sqlite: Database, code: string, responseId: string, answeredAt: string): void {
  sqlite.prepare('UPDATE follow_up_codes SET answered_at = ?, response_id = ? WHERE code = ? AND answered_at IS NULL').run(answeredAt, responseId, code);
}
