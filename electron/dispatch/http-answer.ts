import type { CallResult, ErrorCode } from '../../shared/errors';

/**
 * The HTTP status each typed error is answered with. Shared by every HTTP
 * transport (the development web host and the office server), which differ
 * in who may call, never in how a call's result is put on the wire.
 */
export const statusForCode: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_SIGNED_IN: 409,
  POSSIBLE_DUPLICATE: 409,
  KIOSK_CLOSED: 409,
  NOT_SIGNED_IN: 409,
  ALREADY_RESPONDED: 409,
  DEVICE_NOT_SET_UP: 409,
  DEVICE_ALREADY_SET_UP: 409,
  UNKNOWN_PROCEDURE: 404,
  UNAUTHORISED: 401,
  KIOSK_LOCKED: 423,
  FILE_DAMAGED: 422,
  WRONG_RECIPIENT: 422,
  BAD_SIGNATURE: 422,
  UNKNOWN_SENDER: 422,
  REVOKED_SENDER: 422,
  UNSUPPORTED_VERSION: 422,
  NOT_PAIRED: 409,
  WRONG_DEVICE_ROLE: 409,
  NOTHING_TO_EXPORT: 409,
  NOT_ALLOWED: 422,
  INVALID_RECORD: 422,
  BAD_SEQUENCE: 422,
  FILE_TOO_LARGE: 413,
  WRONG_DATABASE_KEY: 423,
  CHANGED_SINCE_OPENED: 409,
  INTERNAL: 500,
};

export function httpStatusOf(result: CallResult<unknown>): number {
  return result.ok ? 200 : statusForCode[result.error.code];
}

/** A procedure call's path on every HTTP transport: POST /api/<procedure name>. */
export const callPathPattern = /^\/api\/([A-Za-z.]+)$/;
