import { z } from 'zod';
import { Id, requiredText } from './common';

/**
 * Facilitators as records (docs/facilitators.md): each has an id and a name
 * that can be corrected, and a session refers to its facilitators' records,
 * so renaming one renames them on every session and counts them once in
 * every report. Names typed on sessions before there were records stay as
 * they were until the office links them to a record. Kept at the office; a
 * laptop receives them in its package and only reads them.
 */

export const FacilitatorName = requiredText("Facilitator's name", 100);

export const Facilitator = z.object({
  id: z.string(),
  name: z.string(),
  /** Sessions that refer to this facilitator. */
  sessions: z.number().int(),
});
export type Facilitator = z.infer<typeof Facilitator>;

/** A name on sessions that refers to no record yet (typed before records, or not matching one). */
export const UnlinkedFacilitatorName = z.object({ name: z.string(), sessions: z.number().int() });
export type UnlinkedFacilitatorName = z.infer<typeof UnlinkedFacilitatorName>;

export const FacilitatorList = z.object({
  facilitators: z.array(Facilitator),
  unlinked: z.array(UnlinkedFacilitatorName),
});
export type FacilitatorList = z.infer<typeof FacilitatorList>;

/** What a change did: the record as it is now, and how many sessions now carry its name. */
export const FacilitatorChange = z.object({ facilitator: Facilitator, sessionsChanged: z.number().int(), message: z.string() });
export type FacilitatorChange = z.infer<typeof FacilitatorChange>;

export const facilitatorProcedures = {
  'facilitators.list': { kind: 'query', input: z.strictObject({}), output: FacilitatorList },
  /** A new record; sessions already naming them (any spelling of the same letters) are linked to it. */
  'facilitators.add': { kind: 'mutation', input: z.strictObject({ name: FacilitatorName }), output: FacilitatorChange },
  /** Corrects the name: every session that refers to the record shows the new name. */
  'facilitators.rename': { kind: 'mutation', input: z.strictObject({ id: Id, name: FacilitatorName }), output: FacilitatorChange },
  /** An old name on sessions (a former surname, a misspelling) becomes this record on each of them. */
  'facilitators.link': {
    kind: 'mutation',
    input: z.strictObject({ name: requiredText('Name on the sessions', 100), facilitatorId: Id }),
    output: FacilitatorChange,
  },
} as const;
