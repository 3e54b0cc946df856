import { createHash, randomBytes } from 'node:crypto';
import type { StaffMember } from '../../../shared/contract/staff';
import { FieldbookError } from '../../../shared/errors';
import { inOneTransaction } from '../write-path';
import { audit, setPassword, staffByEmail, staffById, toStaffMember, endAllSessions, type StaffRow, type StaffStoreContext } from './accounts';
import type { StaffCaller } from './caller';
import { decoyHash, passwordMatches } from './passwords';

/** How long a signed-in session lasts at most, and without a call. */
export const SESSION_MAX_MS = 8 * 60 * 60_000;
export const SESSION_IDLE_MS = 30 * 60_000;
/** Wrong passwords in a row before each try must wait (30 s, doubling, at most 15 minutes). */
export const FREE_TRIES = 3;
/** Wrong passwords in a row that lock the account for an hour (an admin's password reset unlocks it at once). */
export const LOCK_AFTER = 10;
const LOCK_MS = 60 * 60_000;
/** Wrong passwords from one address within the window that shut that address out for the window. */
export const ADDRESS_LIMIT = 20;
const ADDRESS_WINDOW_MS = 15 * 60_000;
/** A session's last call is written down at most this often, so reading a roster is not a write each time. */
const TOUCH_EVERY_MS = 30_000;

const WRONG = 'Check the email address and password, then try again.';

/** The wait before the next try after this many wrong passwords in a row. */
export function waitAfterFailures(failures: number): number {
  if (failures >= LOCK_AFTER) return LOCK_MS;
  if (failures < FREE_TRIES) return 0;
  return Math.min(30_000 * 2 ** (failures - FREE_TRIES), 15 * 60_000);
}

function inWords(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  if (ms < 60_000) return `${Math.ceil(ms / 1000)} seconds`;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

export type SignInOutcome =
  | { ok: true; token: string; csrfToken: string; staff: StaffMember }
  | { ok: false; message: string; retryAfterMs?: number };

export interface SignedInSession {
  caller: StaffCaller;
  csrfToken: string;
  staff: StaffMember;
  startedAt: string;
}

/** The part of the core sign-in needs: its write path's turns, and its database as open now. */
export interface SignInCore {
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  readonly context: StaffStoreContext;
}

interface SessionRow {
  token_hash: string;
  staff_id: string;
  csrf_token: string;
  started_at: string;
  last_seen_at: string;
  ended_at: string | null;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Signing staff in and out of the office server. The password is checked
 * outside the write path's turn (scrypt takes a tenth of a second, and
 * other staff's calls should not wait for it); what is read before and
 * written after runs in turns of its own.
 */
export class StaffSignIn {
  constructor(private readonly core: SignInCore) {}

  private now(): number {
    return this.core.context.clock().getTime();
  }

  /**
   * How long this address must wait: wrong passwords from it are kept in
   * the database (migration 0033), as the per-account count is, so a
   * restart of the server does not give an attacker a fresh start.
   */
  private async addressWait(address: string): Promise<number> {
    const since = new Date(this.now() - ADDRESS_WINDOW_MS).toISOString();
    const recent = await this.core.exclusive(async () =>
      this.core.context.sqlite
        .prepare('SELECT failed_at FROM sign_in_address_failures WHERE address = ? AND failed_at > ? ORDER BY failed_at LIMIT ?')
        .pluck()
        .all(address, since, ADDRESS_LIMIT) as string[],
    );
    return recent.length >= ADDRESS_LIMIT ? Date.parse(recent[0]!) + ADDRESS_WINDOW_MS - this.now() : 0;
  }

  /** Counts a wrong password against its address, and forgets those older than the window. */
  private addressFailed(address: string): void {
    const sqlite = this.core.context.sqlite;
    sqlite.prepare('DELETE FROM sign_in_address_failures WHERE failed_at <= ?').run(new Date(this.now() - ADDRESS_WINDOW_MS).toISOString());
    sqlite.prepare('INSERT INTO sign_in_address_failures (address, failed_at) VALUES (?, ?)').run(address, new Date(this.now()).toISOString());
  }

  async hasAccounts(): Promise<boolean> {
    return this.core.exclusive(async () => (this.core.context.sqlite.prepare('SELECT count(*) FROM staff_members').pluck().get() as number) > 0);
  }

  async signIn(email: string, password: string, address: string): Promise<SignInOutcome> {
    const addressWait = await this.addressWait(address);
    if (addressWait > 0) {
      return { ok: false, message: `Wait ${inWords(addressWait)}, then try again: too many wrong passwords came from this computer.`, retryAfterMs: addressWait };
    }
    const row = await this.core.exclusive(async () => staffByEmail(this.core.context, email));
    const lockedFor = row?.locked_until ? Date.parse(row.locked_until) - this.now() : 0;
    if (row && lockedFor > 0) {
      const message =
        row.failed_sign_ins >= LOCK_AFTER
          ? `Wait ${inWords(lockedFor)}, or ask an admin to reset your password: this account is locked after ${LOCK_AFTER} wrong passwords.`
          : `Wait ${inWords(lockedFor)}, then try again: that was several wrong passwords in a row.`;
      return { ok: false, message, retryAfterMs: lockedFor };
    }
    const matches = await passwordMatches(password, row?.password_hash ?? (await decoyHash()));
    return this.core.exclusive(async () =>
      inOneTransaction(this.core.context.sqlite, () => (matches && row ? this.succeeded(row, address) : this.failed(email, row, address))),
    );
  }

  private failed(email: string, row: StaffRow | undefined, address: string): SignInOutcome {
    const ctx = this.core.context;
    this.addressFailed(address);
    if (!row) {
      audit(ctx, 'sign_in_failed', { staffId: null, name: null }, address, `No account for ${email.trim().slice(0, 254)}.`);
      return { ok: false, message: WRONG };
    }
    const failures = (staffById(ctx, row.id)?.failed_sign_ins ?? row.failed_sign_ins) + 1;
    const wait = waitAfterFailures(failures);
    ctx.sqlite
      .prepare('UPDATE staff_members SET failed_sign_ins = ?, locked_until = ? WHERE id = ?')
      .run(failures, wait > 0 ? new Date(this.now() + wait).toISOString() : null, row.id);
    const locked = failures >= LOCK_AFTER;
    audit(ctx, 'sign_in_failed', { staffId: row.id, name: row.name }, address, locked ? `Wrong password ${failures} times in a row: the account is locked for an hour.` : `Wrong password (${failures} in a row).`);
    if (locked) return { ok: false, message: `Wait an hour, or ask an admin to reset your password: this account is locked after ${LOCK_AFTER} wrong passwords.`, retryAfterMs: wait };
    return wait > 0 ? { ok: false, message: `${WRONG} Wait ${inWords(wait)} before the next try.`, retryAfterMs: wait } : { ok: false, message: WRONG };
  }

  private succeeded(row: StaffRow, address: string): SignInOutcome {
    const ctx = this.core.context;
    if (row.active !== 1) {
      audit(ctx, 'sign_in_failed', { staffId: row.id, name: row.name }, address, 'The account is switched off.');
      return { ok: false, message: 'Ask an admin to switch your account back on: it is switched off.' };
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = ctx.clock().toISOString();
    ctx.sqlite.prepare('UPDATE staff_members SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?').run(row.id);
    ctx.sqlite
      .prepare('INSERT INTO staff_sessions (token_hash, staff_id, csrf_token, address, started_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(hashToken(token), row.id, csrfToken, address, now, now);
    audit(ctx, 'signed_in', { staffId: row.id, name: row.name }, address, `Signed in as ${row.role}.`);
    return { ok: true, token, csrfToken, staff: toStaffMember(staffById(ctx, row.id)!) };
  }

  /** The session a cookie's token names, if it is still open: not signed out, under 8 hours old and used in the last 30 minutes. */
  async session(token: string | undefined, address: string): Promise<SignedInSession | null> {
    if (!token || token.length > 100) return null;
    return this.core.exclusive(async () => {
      const ctx = this.core.context;
      const row = ctx.sqlite.prepare('SELECT * FROM staff_sessions WHERE token_hash = ?').get(hashToken(token)) as SessionRow | undefined;
      if (!row || row.ended_at !== null) return null;
      const now = this.now();
      if (now - Date.parse(row.started_at) >= SESSION_MAX_MS || now - Date.parse(row.last_seen_at) >= SESSION_IDLE_MS) return null;
      const staff = staffById(ctx, row.staff_id);
      if (!staff || staff.active !== 1) return null;
      if (now - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS) {
        ctx.sqlite.prepare('UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ?').run(new Date(now).toISOString(), row.token_hash);
      }
      return {
        caller: { staffId: staff.id, name: staff.name, role: staff.role, address },
        csrfToken: row.csrf_token,
        staff: toStaffMember(staff),
        startedAt: row.started_at,
      };
    });
  }

  async signOut(session: SignedInSession, token: string, everywhere: boolean): Promise<void> {
    await this.core.exclusive(async () =>
      inOneTransaction(this.core.context.sqlite, () => {
        const ctx = this.core.context;
        const who = { staffId: session.caller.staffId, name: session.caller.name };
        if (everywhere) {
          const ended = endAllSessions(ctx, session.caller.staffId);
          audit(ctx, 'signed_out_everywhere', who, session.caller.address, `Signed out everywhere (${ended} ${ended === 1 ? 'session' : 'sessions'}).`);
        } else {
          ctx.sqlite.prepare('UPDATE staff_sessions SET ended_at = ? WHERE token_hash = ?').run(ctx.clock().toISOString(), hashToken(token));
          audit(ctx, 'signed_out', who, session.caller.address, 'Signed out.');
        }
      }),
    );
  }

  /**
   * The person's own new password (after an admin's reset, or whenever they
   * choose): the current one must be right; every session ends, and this
   * one is replaced by a new one.
   */
  async changePassword(session: SignedInSession, current: string, next: string): Promise<SignInOutcome> {
    const row = await this.core.exclusive(async () => staffById(this.core.context, session.caller.staffId));
    if (!row || !(await passwordMatches(current, row.password_hash))) return { ok: false, message: 'Enter your current password as you last signed in with it.' };
    if (current === next) return { ok: false, message: 'Choose a new password that differs from the current one.' };
    return this.core.exclusive(async () => {
      const ctx = this.core.context;
      const sqlite = ctx.sqlite;
      sqlite.exec('BEGIN IMMEDIATE');
      try {
        await setPassword(ctx, row.id, next, false);
        audit(ctx, 'password_changed', { staffId: row.id, name: row.name }, session.caller.address, 'Chose a new password.');
        const outcome = this.succeeded(staffById(ctx, row.id)!, session.caller.address);
        sqlite.exec('COMMIT');
        return outcome;
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        if (error instanceof FieldbookError && error.code === 'INVALID_INPUT') return { ok: false, message: error.message };
        throw error;
      }
    });
  }
}
