import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { FieldbookError } from '../../../shared/errors';
import { invalidColumn, invalidRow } from '../../db/row-checks';
import type { SharedTableName } from '../../db/schema';
import { fieldInWords as words, fieldNotEditable, mayCreate, officeOnlyFieldSet, recordInWords, writePolicy, type DeviceRole, type TablePolicy } from '../../db/write-policy';
import { decodeHlc, MAX_COUNTER } from '../../sync/hlc';
import type { WireChange } from '../../sync/payload';

/**
 * What a signed file may change, checked change by change before the merge
 * stores anything, against the write policy (db/write-policy.ts) and the
 * same row checks as the procedures (db/row-checks.ts). A signature says
 * who sent a file, not that what it says is allowed: one enrolled laptop,
 * stolen or buggy, must not be able to rename a course, rewrite another
 * laptop's sign-in or stamp its edits in the year 2100. The first broken
 * rule refuses the whole file, inside the import's transaction, so nothing
 * of it is kept.
 */

export interface Sender {
  /** How the refusal names the sender: "Hall laptop 2", "Central office". */
  name: string;
  /** The sending device: a change by any other device is one it relays (an office's package carries laptops' changes). */
  deviceId: string;
  /** The role of the device that made a change, or null for a device this one does not know of. */
  roleOf(deviceId: string): DeviceRole | null;
  /** A laptop's enrolled facilitators (the sessions whose capacity it may change); null where not checked. */
  facilitators: string[] | null;
}

/** Thrown to stop a merge whose changes are stamped later than it may import now: the bundle is held for review instead. */
export class StampedAhead extends Error {
  constructor(readonly stamp: string) {
    super('A change is stamped ahead of what this computer imports without review.');
  }
}

export interface StampLimits {
  /** No change may be stamped after the file's own envelope. */
  envelope: string;
  /** Wall-clock milliseconds past which a change is held for review; null once someone reviewed the file. */
  holdAfterMs: number | null;
}

export function refusal(code: 'NOT_ALLOWED' | 'INVALID_RECORD', sentence: string): FieldbookError {
  return new FieldbookError(code, `${sentence} Nothing was imported.`);
}

export class ChangeChecks {
  private readonly changeOfRow: Statement;
  private readonly otherChangeOfRow: Statement;
  private readonly sessionFacilitators: Statement;
  private readonly answerIsAnonymous: Statement;
  private readonly correctedSignIn: Statement;
  /** Edits naming a replaced change not held when they were read: checked again once the whole file is in. */
  private readonly unseenReplaced: { changeId: string; table: SharedTableName; rowId: string; field: string; hlc: string }[] = [];

  constructor(
    sqlite: Database,
    private readonly sender: Sender,
    private readonly stamps: StampLimits | null,
  ) {
    this.changeOfRow = sqlite.prepare('SELECT table_name, row_id, hlc, fields FROM change_log WHERE id = ?');
    this.otherChangeOfRow = sqlite.prepare('SELECT device_id, fields FROM change_log WHERE table_name = ? AND row_id = ? AND id <> ? AND replaces IS NULL');
    this.sessionFacilitators = sqlite.prepare('SELECT facilitators FROM sessions WHERE id = ?').pluck();
    this.correctedSignIn = sqlite.prepare('SELECT person_id, session_id, kind FROM sign_ins WHERE id = ?');
    this.answerIsAnonymous = sqlite
      .prepare("SELECT c.evaluation_mode = 'anonymous' FROM sessions s JOIN courses c ON c.id = s.course_id WHERE s.id = ?")
      .pluck();
  }

  get senderName(): string {
    return this.sender.name;
  }

  /** Who a refusal says did it: the sender, or for a relayed change, the device the sender's file carries it from. */
  private who(author: string): string {
    return author === this.sender.deviceId ? this.sender.name : `The file from ${this.sender.name} carries a change made on a laptop that`;
  }

  /**
   * Checks one change before it is recorded; `required` are the table's
   * columns a new row must have. Returns whether the change creates its row
   * (every required column, nothing replaced) rather than edits it.
   */
  check(change: WireChange, table: SharedTableName, fields: Record<string, unknown>, replaces: Record<string, string> | null, required: readonly string[]): boolean {
    const [, hlc, author, , rowId] = change;
    const role = this.sender.roleOf(author);
    const policy = writePolicy[table] as TablePolicy<SharedTableName>;
    const what = recordInWords[table];
    if (role === null) throw refusal('NOT_ALLOWED', `${this.sender.name} sent changes another device made; a laptop's file carries only its own.`);
    this.checkStamp(hlc, author);

    const invalid = invalidColumn(table, fields);
    if (invalid) throw refusal('INVALID_RECORD', `${this.sender.name} sent ${what} whose ${words(invalid)} is not something Fieldbook would store.`);
    for (const column of policy.authorColumns ?? []) {
      if (column in fields && fields[column] !== author) throw refusal('NOT_ALLOWED', `${this.sender.name} wrote ${what} in another device's name.`);
    }
    for (const column of policy.stampColumns ?? []) {
      if (column in fields && decodeHlc(String(fields[column])).deviceId !== author) {
        throw refusal('NOT_ALLOWED', `${this.sender.name} wrote ${what} with another device's clock.`);
      }
    }

    const isCreation = replaces === null && required.every((column) => column in fields);
    if (isCreation) {
      if (!mayCreate(role, table, fields, rowId)) {
        const officeField = role === 'laptop' ? officeOnlyFieldSet(table, fields) : null;
        throw refusal(
          'NOT_ALLOWED',
          officeField
            ? `${this.who(author)} tried to add ${what} with its ${words(officeField)} already set; only the office sets that.`
            : `${this.who(author)} tried to add ${what}; only ${role === 'laptop' ? 'the office' : 'a laptop'} can.`,
        );
      }
      const rowProblem = invalidRow(table, fields, rowId);
      if (rowProblem) throw refusal('INVALID_RECORD', `${this.sender.name} sent ${rowProblem}.`);
      const derived = policy.derivedId?.(fields) ?? null;
      if (derived !== null && derived !== rowId) {
        throw refusal('INVALID_RECORD', `${this.sender.name} sent ${what} whose record number does not match what it is about.`);
      }
      if (table === 'evaluation_responses' && (fields.person_id !== null || fields.language !== null) && this.answerIsAnonymous.get(fields.session_id) === 1) {
        // Either would tie the answer back to the person (their consent was given in the same language).
        throw refusal(
          'NOT_ALLOWED',
          fields.person_id !== null
            ? `${this.who(author)} put a person's name to an answer of an anonymous evaluation.`
            : `${this.who(author)} sent an answer of an anonymous evaluation with the language it was given in, which could tie it to the person.`,
        );
      }
      if (table === 'sign_ins' && fields.kind === 'undo') this.checkUndo(fields);
      return true;
    }

    if (policy.fact) throw refusal('NOT_ALLOWED', `${this.who(author)} tried to change ${what}; once recorded, ${what} is never changed.`);
    const field = fieldNotEditable(role, table, Object.keys(fields));
    if (field !== null) {
      throw refusal('NOT_ALLOWED', `${this.who(author)} tried to change the ${words(field)} of ${what}; only ${role === 'laptop' ? 'the office' : 'a laptop'} can.`);
    }
    if (table === 'sessions' && role === 'laptop') this.checkOwnSession(rowId);
    if (replaces) this.checkReplaced(table, rowId, fields, replaces, hlc);
    return false;
  }

  /**
   * A row's creation that arrives when the row already has a change from
   * elsewhere: a fact or a record with a random id is made once, by one
   * device, so a second creation is a rewrite in place. Rows whose id is
   * derived from what they are about (a booking is this person on this
   * session) are legitimately made on two devices.
   */
  checkSecondCreation(change: WireChange, table: SharedTableName, fields: Record<string, unknown>, required: readonly string[]): void {
    const policy = writePolicy[table] as TablePolicy<SharedTableName>;
    if ((policy.derivedId?.(fields) ?? null) !== null) return;
    const [id, , author, , rowId] = change;
    // Only another creation counts: an edit of the row that arrived first (from a later bundle) is not one.
    const other = (this.otherChangeOfRow.all(table, rowId, id) as { device_id: string; fields: string }[]).find((entry) => {
      const fields = JSON.parse(entry.fields) as Record<string, unknown>;
      return required.every((column) => column in fields);
    });
    if (!other) return;
    const what = recordInWords[table];
    throw refusal(
      'NOT_ALLOWED',
      other.device_id === author
        ? `${this.sender.name} tried to record ${what} it had already recorded a second time, differently.`
        : `${this.sender.name} tried to rewrite ${what} made on another device.`,
    );
  }

  /**
   * After the whole file is read, the replaced changes it held itself are
   * checked too. One still not here is allowed: it may be in another
   * laptop's bundle that has not arrived, and until it does it cannot hide
   * a conflict (the conflict log follows only changes it holds).
   */
  finish(): void {
    for (const named of this.unseenReplaced) {
      const held = this.changeOfRow.get(named.changeId) as HeldChange | undefined;
      if (held) this.checkHeldReplaced(held, named.table, named.rowId, named.field, named.hlc);
    }
  }

  private checkStamp(hlc: string, author: string): void {
    const stamp = decodeHlc(hlc);
    if (stamp.deviceId !== author) throw refusal('NOT_ALLOWED', `${this.sender.name} sent a change stamped with another device's clock.`);
    if (stamp.counter >= MAX_COUNTER) throw refusal('INVALID_RECORD', `${this.sender.name} sent a change whose clock stamp is at its limit.`);
    if (!this.stamps) return;
    if (hlc > this.stamps.envelope || (this.stamps.holdAfterMs !== null && stamp.wallMs > this.stamps.holdAfterMs)) throw new StampedAhead(hlc);
  }

  /** An undo corrects a sign-in of the same person at the same session, as signIn.undo writes it. */
  private checkUndo(fields: Record<string, unknown>): void {
    const corrected = this.correctedSignIn.get(fields.corrects_id) as { person_id: string; session_id: string; kind: string } | undefined;
    // One not here yet (in a bundle still to come) is checked by nothing more: it cannot undo anyone else's.
    if (corrected && (corrected.person_id !== fields.person_id || corrected.session_id !== fields.session_id || corrected.kind !== 'sign_in')) {
      throw refusal('INVALID_RECORD', `${this.sender.name} sent an undo that corrects someone else's sign-in, or one at another session.`);
    }
  }

  private checkOwnSession(sessionId: string): void {
    const own = this.sender.facilitators;
    if (!own || own.length === 0) return;
    const text = this.sessionFacilitators.get(sessionId);
    const runs = typeof text === 'string' && (JSON.parse(text) as string[]).some((name) => own.includes(name));
    if (!runs) throw refusal('NOT_ALLOWED', `${this.sender.name} tried to change the capacity of a session its facilitators do not run.`);
  }

  private checkReplaced(table: SharedTableName, rowId: string, fields: Record<string, unknown>, replaces: Record<string, string>, hlc: string): void {
    for (const [field, changeId] of Object.entries(replaces)) {
      if (!(field in fields)) throw refusal('INVALID_RECORD', `${this.sender.name} sent an edit that names what it replaced for a field it did not change.`);
      const held = this.changeOfRow.get(changeId) as HeldChange | undefined;
      if (held) this.checkHeldReplaced(held, table, rowId, field, hlc);
      else this.unseenReplaced.push({ changeId, table, rowId, field, hlc });
    }
  }

  /**
   * A replaced change must be an earlier value of the same field of the same
   * record: naming any other change would let an edit pass as one made over
   * a value it never saw, and keep it out of the conflict log.
   */
  private checkHeldReplaced(held: HeldChange, table: SharedTableName, rowId: string, field: string, hlc: string): void {
    const sameField = held.table_name === table && held.row_id === rowId && field in (JSON.parse(held.fields) as Record<string, unknown>);
    if (!sameField || held.hlc >= hlc) {
      throw refusal('NOT_ALLOWED', `${this.sender.name} sent an edit of ${recordInWords[table]} that claims to replace a change it could not have replaced.`);
    }
  }
}

interface HeldChange {
  table_name: string;
  row_id: string;
  hlc: string;
  fields: string;
}
