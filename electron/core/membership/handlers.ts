import { FieldbookError } from '../../../shared/errors';
import { localDate, type CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { write, type WriteScope } from '../write';
import { refuseIfChangedSinceOpened, withVersion } from '../record-version';
import { bookOntoNextSession } from './book';
import { dayInWords } from './dates';
import { joinScheme, renewScheme } from './join';
import { getMember, getTerm, listMembers } from './members';
import { officeOnly } from './office-only';
import { getScheme, listSchemes, saveScheme } from './schemes';
import { termsOfMember } from './terms';
import { membershipRequestHandlers } from './request-handlers';
import { joiningOf } from './training';

async function termRow(scope: WriteScope, termId: string) {
  const term = await scope.trx.selectFrom('membership_terms').selectAll().where('id', '=', termId).executeTakeFirst();
  if (!term) throw new FieldbookError('NOT_FOUND', 'Choose the membership term again: that one could not be found.');
  return term;
}

export function membershipHandlers(ctx: CoreContext): HandlerGroup<'schemes' | 'members' | 'memberLines' | 'memberRequests'> {
  const today = () => localDate(ctx.clock());
  /** A member as their page reads it for editing: each term with its version. */
  const member = async (personId: string, asOf?: string) => {
    const found = await getMember(ctx.db, today(), personId, asOf);
    const memberships = found.memberships.map((membership) => ({
      ...membership,
      terms: membership.terms.map((term) => withVersion(ctx.sqlite, 'membership_terms', term.id, term)),
    }));
    return { ...found, memberships };
  };
  /** The term a change is saved on, refused (writing nothing) if it changed since the version that was opened. */
  const termAsOpened = async (scope: WriteScope, termId: string, version: string) => {
    await refuseIfChangedSinceOpened(ctx, 'membership_terms', termId, version, () => getTerm(scope.trx, termId));
    return termRow(scope, termId);
  };

  return {
    async 'schemes.list'() {
      await officeOnly(ctx);
      return listSchemes(ctx.db);
    },
    async 'schemes.get'({ id }) {
      await officeOnly(ctx);
      return withVersion(ctx.sqlite, 'membership_schemes', id, await getScheme(ctx.db, id));
    },
    async 'schemes.create'(fields) {
      await officeOnly(ctx);
      const id = await write(ctx, (scope) => saveScheme(scope, fields, null));
      return getScheme(ctx.db, id);
    },
    async 'schemes.update'({ id, version, fields }) {
      await officeOnly(ctx);
      await refuseIfChangedSinceOpened(ctx, 'membership_schemes', id, version, () => getScheme(ctx.db, id));
      await write(ctx, (scope) => saveScheme(scope, fields, id));
      return withVersion(ctx.sqlite, 'membership_schemes', id, await getScheme(ctx.db, id));
    },

    async 'members.list'(input) {
      await officeOnly(ctx);
      return listMembers(ctx.db, today(), input);
    },
    async 'members.get'({ personId, asOf }) {
      await officeOnly(ctx);
      return member(personId, asOf);
    },

    async 'members.join'(input) {
      await officeOnly(ctx);
      await write(ctx, (scope) => joinScheme(scope, input));
      return member(input.personId);
    },

    async 'members.renew'(input) {
      await officeOnly(ctx);
      await write(ctx, (scope) => renewScheme(scope, input, today()));
      return member(input.personId);
    },

    async 'members.recordFee'({ termId, version, feePence, paidOn }) {
      await officeOnly(ctx);
      const personId = await write(ctx, async (scope) => {
        const term = await termAsOpened(scope, termId, version);
        await scope.update('membership_terms', termId, { fee_pence: feePence, paid_on: paidOn });
        return term.person_id;
      });
      return member(personId);
    },

    async 'members.cancel'({ termId, version, cancelledOn }) {
      await officeOnly(ctx);
      const personId = await write(ctx, async (scope) => {
        const term = await termAsOpened(scope, termId, version);
        if (term.cancelled_on !== null) throw new FieldbookError('CONFLICT', `No need to cancel it again: this term was already cancelled on ${dayInWords(term.cancelled_on)}.`);
        const field = { cancelledOn: '' };
        if (cancelledOn < term.starts_on) {
          field.cancelledOn = `The term starts on ${dayInWords(term.starts_on)}, so it cannot be cancelled before then.`;
        } else if (cancelledOn > term.ends_on) {
          field.cancelledOn = `The term ended on ${dayInWords(term.ends_on)}, so there is nothing left of it to cancel.`;
        }
        if (field.cancelledOn) throw new FieldbookError('INVALID_INPUT', field.cancelledOn, field);
        await scope.update('membership_terms', termId, { cancelled_on: cancelledOn });
        return term.person_id;
      });
      return member(personId);
    },

    async 'members.book'(input) {
      await officeOnly(ctx);
      return write(ctx, (scope) => bookOntoNextSession(ctx, scope, input));
    },

    async 'members.exempt'({ termId, version, reason }) {
      await officeOnly(ctx);
      const personId = await write(ctx, async (scope) => {
        const term = await termRow(scope, termId);
        const { rows } = await termsOfMember(scope, term.scheme_id, term.person_id);
        const terms = rows.map((row) => ({ id: row.id, startsOn: row.starts_on, origin: row.origin }));
        // The requirement belongs to the joining, so the reason is kept on the term they joined with, and that is the term checked.
        const joining = joiningOf(terms, termId)!;
        await termAsOpened(scope, joining.id, version);
        await scope.update('membership_terms', joining.id, { exempt_reason: reason });
        return term.person_id;
      });
      return member(personId);
    },

    ...membershipRequestHandlers(ctx),
  };
}
