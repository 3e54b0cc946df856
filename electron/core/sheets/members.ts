import { sql, type Kysely } from 'kysely';
import { FieldbookError } from '../../../shared/errors';
import type { Schema } from '../../db/schema';
import { dayInWords, termEndsOn } from '../membership/dates';
import { addTerm } from '../membership/terms';
import type { WriteScope } from '../write';
import { nameKey } from './values';
import { matchPerson, type Walk, type WalkResult } from './walk';

/**
 * The membership scheme a member list is for, by name (case and spacing
 * set aside). An unknown name is refused with the schemes there are, before
 * the file is read: the command line treats it as a usage error.
 */
export async function findScheme(db: Kysely<Schema>, name: string | undefined): Promise<{ id: string; name: string; year_starts: string | null }> {
  const schemes = await db.selectFrom('membership_schemes').select(['id', 'name', 'year_starts']).orderBy('name').execute();
  const listed = schemes.map((scheme) => `"${scheme.name}"`).join(', ');
  const known = schemes.length > 0 ? ` The schemes are ${listed}.` : ' There are no membership schemes yet: add the scheme first.';
  if (name === undefined) throw new FieldbookError('INVALID_INPUT', `Choose the membership scheme the list is for.${known}`, { scheme: 'Choose the membership scheme.' });
  const found = schemes.find((scheme) => nameKey(scheme.name) === nameKey(name));
  if (!found) throw new FieldbookError('NOT_FOUND', `Choose one of the schemes: there is no membership scheme called "${name}".${known}`, { scheme: 'Choose a scheme Fieldbook has: there is none by that name.' });
  return found;
}

/** Why addTerm refused, as the reason in "row 5: …". */
const asReason = (error: FieldbookError) => `${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`.replace(/\.$/, '');

/**
 * One row's terms, all or none: a renewal refused (it starts inside the
 * term it would renew, say) takes the row's joining term back with it. A
 * savepoint, because the procedure's one transaction is open around it.
 */
async function termsOfRow<T>(scope: WriteScope, work: () => Promise<T>): Promise<T | FieldbookError> {
  await sql`savepoint sheet_member_row`.execute(scope.trx);
  try {
    const result = await work();
    await sql`release sheet_member_row`.execute(scope.trx);
    return result;
  } catch (error) {
    await sql`rollback to sheet_member_row`.execute(scope.trx);
    await sql`release sheet_member_row`.execute(scope.trx);
    if (error instanceof FieldbookError) return error;
    throw error;
  }
}

/**
 * A member list for one scheme: each row's person found or added (as a
 * people list does), then a term from the date joined and, with a renewal
 * date, a second term from then, through the membership's own addTerm,
 * which works out each term's origin and end and adds nothing already
 * there. The fee paid is the row's latest term's. This walk always writes:
 * the preview runs it and rolls it back (see run.ts), since whether a term
 * can be added is addTerm's to say.
 */
export async function walkMembers(walk: Walk, scope: WriteScope): Promise<WalkResult> {
  const { preview, read, report, request } = walk;
  const scheme = await findScheme(walk.db, request.scheme);
  preview.members.scheme = scheme.name;
  const hadTerms = new Set(
    (await walk.db.selectFrom('membership_terms').select('person_id').where('scheme_id', '=', scheme.id).execute()).map((row) => row.person_id),
  );
  const newMembers = new Set<string>();
  const matched = new Set<string>();
  let accepted = 0;
  await report.stage(preview.imported ? 'writing' : 'matching', read.records.length);

  for (const record of read.records) {
    await report.advance();
    const found = await matchPerson(walk, record, matched);
    const starts = [record.joinedOn!, ...(record.renewedOn ? [record.renewedOn] : [])];
    // Said before anything is tried: addTerm would refuse it only once the joining term was written (and its clock stamp spent).
    const joinedTermEnds = termEndsOn(record.joinedOn!, scheme.year_starts);
    if (record.renewedOn && record.renewedOn <= joinedTermEnds) {
      walk.refuse(record, `the renewal date ${dayInWords(record.renewedOn)} is inside the term that began on joining, which runs to ${dayInWords(joinedTermEnds)}`);
      continue;
    }
    const terms = await termsOfRow(scope, async () => {
      const added = [];
      for (const [index, startsOn] of starts.entries()) {
        added.push(
          await addTerm(scope, {
            schemeId: scheme.id,
            personId: found.id,
            startsOn,
            feePence: index === starts.length - 1 ? record.feePence : null,
            paidOn: null,
            organisationId: found.organisationId,
            notes: `From the spreadsheet ${request.fileName}`,
          }),
        );
      }
      return added;
    });
    if (terms instanceof FieldbookError) {
      walk.refuse(record, asReason(terms));
      continue;
    }
    accepted += 1;
    for (const term of terms) {
      if (term.added) preview.members.termsAdded += 1;
      else preview.members.already += 1;
    }
    if (terms.some((term) => term.added) && !hadTerms.has(found.id)) newMembers.add(found.id);
  }
  preview.members.new = newMembers.size;
  return { accepted, anythingNew: preview.members.termsAdded > 0 };
}
