import { FieldbookError } from '../../../shared/errors';
import { localDate, type CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { write, type WriteScope } from '../write';
import { bookOntoNextSession } from './book';
import { addDays, dayInWords, daysBetween, lastDayInEffect } from './dates';
import { getMember, listMembers } from './members';
import { officeOnly } from './office-only';
import { getScheme, listSchemes, saveScheme } from './schemes';
import { addTerm, termDates, termsOfMember } from './terms';
import { joiningOf } from './training';

async function schemeRow(scope: WriteScope, schemeId: string) {
  const scheme = await scope.trx.selectFrom('membership_schemes').selectAll().where('id', '=', schemeId).executeTakeFirst();
  if (!scheme) throw new FieldbookError('INVALID_INPUT', 'That membership scheme could not be found.', { schemeId: 'Choose a scheme from the list.' });
  return scheme;
}

async function personRow(scope: WriteScope, personId: string) {
  const person = await scope.trx.selectFrom('people').select(['id', 'given_name', 'organisation_id']).where('id', '=', personId).executeTakeFirst();
  if (!person) throw new FieldbookError('INVALID_INPUT', 'That person could not be found.', { personId: 'Choose a person from the list.' });
  return person;
}

async function termRow(scope: WriteScope, termId: string) {
  const term = await scope.trx.selectFrom('membership_terms').selectAll().where('id', '=', termId).executeTakeFirst();
  if (!term) throw new FieldbookError('NOT_FOUND', 'That membership term could not be found.');
  return term;
}

/**
 * The day a renewal starts when the office does not say: the day after their
 * latest term, so the membership runs on without a break; or today, when that
 * term was cancelled or ended longer ago than the grace period (a rejoin).
 */
function nextStart(latest: { starts_on: string; ends_on: string; cancelled_on: string | null }, graceDays: number, today: string): string {
  const next = addDays(lastDayInEffect(termDates(latest)), 1);
  if (latest.cancelled_on !== null) return next > today ? next : today;
  return next < today && daysBetween(next, today) > graceDays ? today : next;
}

export function membershipHandlers(ctx: CoreContext): HandlerGroup<'schemes' | 'members'> {
  const today = () => localDate(ctx.clock());
  const member = (personId: string) => getMember(ctx.db, today(), personId);

  return {
    async 'schemes.list'() {
      await officeOnly(ctx);
      return listSchemes(ctx.db);
    },
    async 'schemes.get'({ id }) {
      await officeOnly(ctx);
      return getScheme(ctx.db, id);
    },
    async 'schemes.create'(fields) {
      await officeOnly(ctx);
      const id = await write(ctx, (scope) => saveScheme(scope, fields, null));
      return getScheme(ctx.db, id);
    },
    async 'schemes.update'({ id, fields }) {
      await officeOnly(ctx);
      await write(ctx, (scope) => saveScheme(scope, fields, id));
      return getScheme(ctx.db, id);
    },

    async 'members.list'(input) {
      await officeOnly(ctx);
      return listMembers(ctx.db, today(), input);
    },
    async 'members.get'({ personId, asOf }) {
      await officeOnly(ctx);
      return getMember(ctx.db, today(), personId, asOf);
    },

    async 'members.join'({ schemeId, personId, startsOn, feePence, paidOn, organisationId, notes }) {
      await officeOnly(ctx);
      await write(ctx, async (scope) => {
        const scheme = await schemeRow(scope, schemeId);
        const person = await personRow(scope, personId);
        const { rows } = await termsOfMember(scope, schemeId, personId);
        if (rows.length > 0) {
          throw new FieldbookError('CONFLICT', `${person.given_name} joined ${scheme.name} on ${dayInWords(rows[0]!.starts_on)}. Renew their membership instead.`);
        }
        await addTerm(scope, {
          schemeId,
          personId,
          startsOn,
          feePence: feePence === undefined ? scheme.fee_pence : feePence,
          paidOn,
          organisationId: organisationId === undefined ? person.organisation_id : organisationId,
          notes,
        });
      });
      return member(personId);
    },

    async 'members.renew'({ schemeId, personId, startsOn, feePence, paidOn, notes }) {
      await officeOnly(ctx);
      await write(ctx, async (scope) => {
        const scheme = await schemeRow(scope, schemeId);
        const person = await personRow(scope, personId);
        const { rows } = await termsOfMember(scope, schemeId, personId);
        const latest = rows.at(-1);
        if (!latest) throw new FieldbookError('CONFLICT', `${person.given_name} has not joined ${scheme.name} yet, so there is nothing to renew. Add them as a member instead.`);
        await addTerm(scope, {
          schemeId,
          personId,
          startsOn: startsOn ?? nextStart(latest, scheme.grace_days, today()),
          feePence: feePence === undefined ? scheme.fee_pence : feePence,
          paidOn,
          organisationId: person.organisation_id,
          notes,
        });
      });
      return member(personId);
    },

    async 'members.recordFee'({ termId, feePence, paidOn }) {
      await officeOnly(ctx);
      const personId = await write(ctx, async (scope) => {
        const term = await termRow(scope, termId);
        await scope.update('membership_terms', termId, { fee_pence: feePence, paid_on: paidOn });
        return term.person_id;
      });
      return member(personId);
    },

    async 'members.cancel'({ termId, cancelledOn }) {
      await officeOnly(ctx);
      const personId = await write(ctx, async (scope) => {
        const term = await termRow(scope, termId);
        if (term.cancelled_on !== null) throw new FieldbookError('CONFLICT', `This term was already cancelled on ${dayInWords(term.cancelled_on)}.`);
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

    async 'members.exempt'({ termId, reason }) {
      await officeOnly(ctx);
      const personId = await write(ctx, async (scope) => {
        const term = await termRow(scope, termId);
        const { rows } = await termsOfMember(scope, term.scheme_id, term.person_id);
        const terms = rows.map((row) => ({ id: row.id, startsOn: row.starts_on, origin: row.origin }));
        // The requirement belongs to the joining, so the reason is kept on the term they joined with.
        const joining = joiningOf(terms, termId)!;
        await scope.update('membership_terms', joining.id, { exempt_reason: reason });
        return term.person_id;
      });
      return member(personId);
    },
  };
}
