import type { Conflict, ImportOutcome, OrganisationRequest, RosterState, SessionStatus, SignInMethod } from './contract';

/**
 * Words for the states records are in, as people read them. The screens and
 * the spreadsheets exported from the core say the same thing, so they live
 * here, beside the contract, rather than in either.
 */

export const sessionStatusLabels: Record<SessionStatus, string> = {
  scheduled: 'Scheduled',
  cancelled: 'Cancelled',
  completed: 'Completed',
};

export const rosterStateLabels: Record<RosterState, string> = {
  booked: 'Booked',
  offered: 'Place offered',
  waitlisted: 'Waiting list',
  signed_in: 'Signed in',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

export const signInMethodLabels: Record<SignInMethod, string> = {
  facilitator: 'By the facilitator',
  kiosk: 'At the kiosk',
  walk_in: 'Walk-in',
};

export const requestStatusLabels: Record<OrganisationRequest['status'], string> = {
  waiting: 'Waiting',
  scheduled: 'Scheduled',
  declined: 'Declined',
};

export const importOutcomeLabels: Record<ImportOutcome['status'], string> = {
  imported: 'Imported',
  already_imported: 'Already imported',
  held: 'Held for review',
};

/** The import log's outcomes: an import's, or a file refused whole. */
export const importLogLabels: Record<ImportOutcome['status'] | 'refused', string> = { ...importOutcomeLabels, refused: 'Refused' };

export const conflictStatusLabels: Record<Conflict['status'], string> = {
  open: 'To review',
  accepted: 'Merged value kept',
  reversed: 'Overwritten value restored',
};

/** A record's field as a person says it: "given_name" → "Given name". */
export function fieldInWords(field: string): string {
  const words = field.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * "4 sign-ins (1 undone)": sign-ins that stand, with the undone ones beside
 * them, so a file where one was undone never reads as one more sign-in.
 */
export function signInsInWords(signIns: number, undone: number): string {
  const standing = `${signIns} ${signIns === 1 ? 'sign-in' : 'sign-ins'}`;
  return undone > 0 ? `${standing} (${undone} undone)` : standing;
}
