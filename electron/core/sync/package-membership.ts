import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import { PackageMembership } from '../../../shared/contract/membership';
import { FieldbookError } from '../../../shared/errors';
import type { CoreContext } from '../deps';
import { localDate } from '../deps';
import { membershipLines } from '../membership/lines';

/**
 * The membership part of an office's package. Schemes and terms never
 * travel to a laptop; the package carries instead, in its meta part, the
 * schemes' names and one status line per scheme for each person booked on
 * the laptop's sessions, as of the day it was written (no fee, no payment,
 * no notes). The laptop checks every line as untrusted input and keeps them
 * in two local tables that only this import writes: each package replaces
 * what the one before it brought.
 */

/** What the office puts in a package for the people booked on its sessions. */
export function packageMembership(ctx: CoreContext, bookedPersonIds: readonly string[]): Promise<PackageMembership> {
  return membershipLines(ctx.db, bookedPersonIds, localDate(ctx.clock()));
}

const fieldWords: Record<string, string> = {
  personId: 'the person',
  schemeId: 'the scheme',
  status: 'the membership status',
  outcome: 'the training outcome',
  dueBy: 'the training due date',
  name: 'the name',
  requiredCourses: 'the required courses',
};

function refused(officeName: string, what: string): FieldbookError {
  return new FieldbookError('INVALID_RECORD', `The package from ${officeName} holds ${what}; an office never sends that. Nothing was imported.`);
}

function issueInWords(issue: z.core.$ZodIssue): string {
  const [part, index, field] = issue.path;
  const which = part === 'lines' ? `membership line ${Number(index) + 1}` : part === 'schemes' ? `membership scheme ${Number(index) + 1}` : 'a membership part';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join(', ');
    return /fee|paid|pence/i.test(keys) ? `a fee in ${which}` : `${which} with something extra in it (${keys})`;
  }
  if (typeof index === 'number' && typeof field === 'string') return `${which} with ${fieldWords[field] ?? field} not as it should be`;
  if (typeof index !== 'number' && issue.code === 'too_big') return `more ${part === 'lines' ? 'membership lines' : 'schemes'} than one package carries`;
  return which === 'a membership part' ? 'a membership part of the wrong shape' : `${which} of the wrong shape`;
}

/** Checks the package's membership part before anything is imported; a package from an office without memberships carries none. */
export function readPackageMembership(part: unknown, officeName: string): PackageMembership | null {
  if (part === undefined) return null;
  const parsed = PackageMembership.safeParse(part);
  if (!parsed.success) throw refused(officeName, issueInWords(parsed.error.issues[0]!));
  return parsed.data;
}

/**
 * Replaces the laptop's lines with the package's, inside its import's
 * transaction and after its changes are merged: every line must be about a
 * person the laptop now holds and a scheme the package names, or the whole
 * package is refused.
 */
export function storePackageMembership(sqlite: Database, part: PackageMembership | null, officeName: string): void {
  const schemes = new Set(part?.schemes.map((scheme) => scheme.id));
  const personHere = sqlite.prepare('SELECT 1 FROM people WHERE id = ?').pluck();
  if (schemes.size !== (part?.schemes.length ?? 0)) throw refused(officeName, 'a membership scheme twice over');
  const seen = new Set<string>();
  for (const [index, line] of (part?.lines ?? []).entries()) {
    if (!schemes.has(line.schemeId)) throw refused(officeName, `membership line ${index + 1} for a scheme it does not name`);
    if (!personHere.get(line.personId)) throw refused(officeName, `membership line ${index + 1} for someone it does not bring`);
    const key = `${line.personId} ${line.schemeId}`;
    if (seen.has(key)) throw refused(officeName, `membership line ${index + 1} twice over`);
    seen.add(key);
  }
  sqlite.exec('DELETE FROM package_membership_lines; DELETE FROM package_membership_schemes;');
  if (!part) return;
  const addScheme = sqlite.prepare('INSERT INTO package_membership_schemes (id, name, required_courses) VALUES (?, ?, ?)');
  for (const scheme of part.schemes) addScheme.run(scheme.id, scheme.name, JSON.stringify(scheme.requiredCourses));
  const addLine = sqlite.prepare('INSERT INTO package_membership_lines (person_id, scheme_id, status, outcome, due_by, as_of) VALUES (?, ?, ?, ?, ?, ?)');
  for (const line of part.lines) addLine.run(line.personId, line.schemeId, line.status, line.outcome, line.dueBy, part.asOf);
}

/** After pruning: no line outlives the person it is about. */
export function forgetPrunedLines(sqlite: Database): void {
  sqlite.exec('DELETE FROM package_membership_lines WHERE person_id NOT IN (SELECT id FROM people)');
}
