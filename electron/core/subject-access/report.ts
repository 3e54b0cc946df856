import type { SubjectAccessReport } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { localDay, longDate } from '../../../shared/words-for-days';
import type { CoreContext } from '../deps';
import { displayName } from '../signin/roster';
import { thisDevice } from '../sync/device-keys';
import { consentTexts, type ConsentTextArchive } from './consent-texts';
import { accessContext } from './context';
import { followUpCodesPart } from './follow-up-part';
import { bookingHistoryPart, bookingsPart, personPart, signInsPart } from './record-parts';
import { conflictsPart, fieldHistoryPart, waitingPart } from './history-parts';
import { joinRequestsPart, membershipPart } from './membership-parts';
import { packagesPart } from './packages-part';
import { completionsPart, consentsPart, equalityPart, evaluationsPart } from './participation-parts';
import { erasedAt, rowsAbout } from './rows-about';

/**
 * "Everything we hold about this person", at the office: one answer, every
 * part of it read in one go (the write path runs one procedure at a time,
 * so nothing changes halfway). The office holds everything its laptops
 * sent; a laptop holds only a few days of it, so it is refused there.
 */

const NOTES = [
  'Anonymous evaluation answers name no one and cannot be found for any person, so none are included.',
  'Dates and times are as this computer\'s clock reads them; session times are the venue\'s.',
];

export async function subjectAccessReport(ctx: CoreContext, personId: string, texts: ConsentTextArchive = consentTexts): Promise<SubjectAccessReport> {
  const office = await thisDevice(ctx, 'office');
  const person = ctx.sqlite.prepare('SELECT given_name, family_name, preferred_name FROM people WHERE id = ?').get(personId) as
    | Parameters<typeof displayName>[0]
    | undefined;
  if (!person) {
    const erased = erasedAt(ctx.sqlite, personId);
    if (erased) return { status: 'erased', erasedAt: erased, message: `This person was erased on ${longDate(localDay(new Date(erased)))}; nothing is held.` };
    throw new FieldbookError('NOT_FOUND', 'Choose a person from the people list: no one with that reference is held here.');
  }
  const access = accessContext(ctx, rowsAbout(ctx.sqlite, personId));
  return {
    status: 'held',
    name: displayName(person),
    preparedAt: ctx.clock().toISOString(),
    preparedBy: office.name,
    notes: NOTES,
    parts: [
      personPart(access, personId),
      bookingsPart(access),
      bookingHistoryPart(access),
      signInsPart(access),
      consentsPart(access, texts),
      equalityPart(access),
      evaluationsPart(access),
      completionsPart(access),
      followUpCodesPart(access),
      membershipPart(access),
      joinRequestsPart(access),
      conflictsPart(access),
      waitingPart(access),
      fieldHistoryPart(access),
      packagesPart(access),
    ],
  };
}

