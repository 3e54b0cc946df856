/**
 * Every failure a procedure can report, as a value the UI can show in plain
 * words. The message is written for a facilitator or office worker, never a
 * stack trace; `fields` maps a form field to what is wrong with it.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  /** Specific conflicts a screen may word in its own language (the kiosk does). */
  'ALREADY_SIGNED_IN',
  'POSSIBLE_DUPLICATE',
  'KIOSK_CLOSED',
  'NOT_SIGNED_IN',
  'ALREADY_RESPONDED',
  'DEVICE_NOT_SET_UP',
  'DEVICE_ALREADY_SET_UP',
  'UNKNOWN_PROCEDURE',
  'UNAUTHORISED',
  'KIOSK_LOCKED',
  /** Files between devices: each refusal says why, and nothing of the file is imported. */
  'FILE_DAMAGED',
  'WRONG_RECIPIENT',
  'BAD_SIGNATURE',
  'UNKNOWN_SENDER',
  'REVOKED_SENDER',
  'UNSUPPORTED_VERSION',
  'NOT_PAIRED',
  'WRONG_DEVICE_ROLE',
  'NOTHING_TO_EXPORT',
  /** A signed file tried to change what its sender may not (a laptop renaming a course, rewriting another laptop's sign-in). */
  'NOT_ALLOWED',
  /** A signed file holds a record no procedure would accept (a 10 MB name, a date that is not a date). */
  'INVALID_RECORD',
  /** A signed file reuses a bundle number or another laptop's bundle id, or jumps far past the laptop's newest number. */
  'BAD_SEQUENCE',
  /** A signed file that would unpack to more than Fieldbook reads in one go. */
  'FILE_TOO_LARGE',
  /** The database file is encrypted with a key this computer does not hold. */
  'WRONG_DATABASE_KEY',
  /**
   * An office edit of a record someone else changed since it was opened: nothing was saved, and the
   * error carries the record as it is now (`current`, with its new version) so the screen can show both.
   */
  'CHANGED_SINCE_OPENED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface FieldbookErrorPayload {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
  /** CHANGED_SINCE_OPENED only: the record as its `get` returns it now, newer version included. */
  current?: Record<string, unknown>;
}

export class FieldbookError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly current?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>, current?: Record<string, unknown>) {
    super(message);
    this.name = 'FieldbookError';
    this.code = code;
    if (fields) this.fields = fields;
    if (current) this.current = current;
  }

  toPayload(): FieldbookErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.current ? { current: this.current } : {}),
    };
  }
}

export function isErrorPayload(value: unknown): value is FieldbookErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    (errorCodes as readonly string[]).includes((value as { code: string }).code) &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** The outcome of a call as it crosses a transport: never a thrown exception. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: FieldbookErrorPayload };
