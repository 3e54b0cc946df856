import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { StaffAuditEntry, StaffMember, StaffRole } from '../../../shared/contract/staff';
import { FieldbookError } from '../../../shared/errors';
import { hashPassword, passwordProblem } from './passwords';

/** What the staff store needs from the core: its one connection, clock and ids. */
export interface StaffStoreContext {
  sqlite: Database;
  clock: () => Date;
  newId: () => string;
}

export interface StaffRow {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  active: number;
  password_hash: string;
  must_change_password: number;
  failed_sign_ins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export function toStaffMember(row: StaffRow): StaffMember {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
  };
}

export function staffById(ctx: StaffStoreContext, id: string): StaffRow | undefined {
  return ctx.sqlite.prepare('SELECT * FROM staff_members WHERE id = ?').get(id) as StaffRow | undefined;
}

export function staffByEmail(ctx: StaffStoreContext, email: string): StaffRow | undefined {
  return ctx.sqlite.prepare('SELECT * FROM staff_members WHERE email = ?').get(email.trim().toLowerCase()) as StaffRow | undefined;
}

export function listStaff(ctx: StaffStoreContext): StaffMember[] {
  return (ctx.sqlite.prepare('SELECT * FROM staff_members ORDER BY name COLLATE NOCASE, email').all() as StaffRow[]).map(toStaffMember);
}

export function countActiveAdmins(ctx: StaffStoreContext): number {
  return ctx.sqlite.prepare(`SELECT count(*) FROM staff_members WHERE role = 'admin' AND active = 1`).pluck().get() as number;
}

function checkedPassword(password: string, person: { name: string; email: string }): void {
  const problem = passwordProblem(password, person);
  if (problem) throw new FieldbookError('INVALID_INPUT', problem, { temporaryPassword: problem, password: problem });
}

/**
 * A new account. From the terminal (the first admin, `fieldbook staff add`)
 * the password is the person's own; from an admin's screen it is a first
 * password to pass on, replaced at the first sign-in.
 */
export async function addStaff(
  ctx: StaffStoreContext,
  input: { name: string; email: string; role: StaffRole; password: string; mustChangePassword: boolean },
): Promise<StaffMember> {
  const email = input.email.trim().toLowerCase();
  if (staffByEmail(ctx, email)) {
    throw new FieldbookError('CONFLICT', `Use another email address: ${email} already has an account.`, { email: `Use another email address: ${email} already has an account.` });
  }
  checkedPassword(input.password, { name: input.name, email });
  const hash = await hashPassword(input.password);
  const now = ctx.clock().toISOString();
  const id = ctx.newId();
  ctx.sqlite
    .prepare(
      `INSERT INTO staff_members (id, name, email, role, active, password_hash, must_change_password, created_at, updated_at)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    )
    .run(id, input.name.trim(), email, input.role, hash, input.mustChangePassword ? 1 : 0, now, now);
  return toStaffMember(staffById(ctx, id)!);
}

function existing(ctx: StaffStoreContext, id: string): StaffRow {
  const row = staffById(ctx, id);
  if (!row) throw new FieldbookError('NOT_FOUND', 'Choose a staff member from the list: that account is not here.');
  return row;
}

/** Sets a password: the person's own (changed at sign-in) or a temporary one an admin gives (changed at the next sign-in). */
export async function setPassword(ctx: StaffStoreContext, id: string, password: string, temporary: boolean): Promise<StaffMember> {
  const row = existing(ctx, id);
  checkedPassword(password, row);
  const hash = await hashPassword(password);
  ctx.sqlite
    .prepare('UPDATE staff_members SET password_hash = ?, must_change_password = ?, failed_sign_ins = 0, locked_until = NULL, updated_at = ? WHERE id = ?')
    .run(hash, temporary ? 1 : 0, ctx.clock().toISOString(), id);
  endAllSessions(ctx, id);
  return toStaffMember(staffById(ctx, id)!);
}

/** A role or an account switched on or off; the office always keeps one active admin. */
export function updateStaff(ctx: StaffStoreContext, id: string, change: { role?: StaffRole; active?: boolean }): { before: StaffRow; after: StaffMember } {
  const before = existing(ctx, id);
  const role = change.role ?? before.role;
  const active = change.active ?? before.active === 1;
  const losesAdmin = before.role === 'admin' && before.active === 1 && (role !== 'admin' || !active);
  if (losesAdmin && countActiveAdmins(ctx) <= 1) {
    throw new FieldbookError('CONFLICT', 'Make another staff member an admin first: the office needs at least one active admin.');
  }
  ctx.sqlite.prepare('UPDATE staff_members SET role = ?, active = ?, updated_at = ? WHERE id = ?').run(role, active ? 1 : 0, ctx.clock().toISOString(), id);
  // A changed role or a closed account takes effect at once, not at the next sign-in.
  if (role !== before.role || !active) endAllSessions(ctx, id);
  return { before, after: toStaffMember(staffById(ctx, id)!) };
}

export function endAllSessions(ctx: StaffStoreContext, staffId: string): number {
  return ctx.sqlite.prepare('UPDATE staff_sessions SET ended_at = ? WHERE staff_id = ? AND ended_at IS NULL').run(ctx.clock().toISOString(), staffId).changes;
}

export type AuditKind = StaffAuditEntry['kind'];

/** One line of the admins' audit trail. */
export function audit(
  ctx: StaffStoreContext,
  kind: AuditKind,
  who: { staffId: string | null; name: string | null },
  address: string | null,
  detail: string,
): void {
  ctx.sqlite
    .prepare('INSERT INTO staff_audit (id, at, kind, staff_id, staff_name, address, detail) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(ctx.newId(), ctx.clock().toISOString(), kind, who.staffId, who.name, address, detail);
}

export function auditTrail(ctx: StaffStoreContext, limit: number): StaffAuditEntry[] {
  const rows = ctx.sqlite
    .prepare('SELECT id, at, kind, staff_name, address, detail FROM staff_audit ORDER BY at DESC, id DESC LIMIT ?')
    .all(limit) as { id: string; at: string; kind: AuditKind; staff_name: string | null; address: string | null; detail: string }[];
  return rows.map((row) => ({ id: row.id, at: row.at, kind: row.kind, staffName: row.staff_name, address: row.address, detail: row.detail }));
}
