import { ApiError } from '../../../api/client';

/** Why a sign-in was not recorded, as the participant needs to hear it. */
export type Problem = 'alreadySignedIn' | 'mayBeOnList' | 'notOpen' | 'generic';

/**
 * The core's messages are English and written for staff, so the kiosk says
 * its own words, chosen by the error's code.
 */
export function problemOf(error: unknown): Problem {
  if (!(error instanceof ApiError)) return 'generic';
  switch (error.code) {
    case 'ALREADY_SIGNED_IN':
      return 'alreadySignedIn';
    case 'POSSIBLE_DUPLICATE':
      return 'mayBeOnList';
    case 'KIOSK_CLOSED':
    case 'KIOSK_LOCKED':
      return 'notOpen';
    default:
      return 'generic';
  }
}
