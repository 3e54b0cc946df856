import type { ProcedureName } from '../../../shared/contract';
import type { StaffRole } from '../../../shared/contract/staff';
import { FieldbookError } from '../../../shared/errors';
import { procedureRoles, roleMayCall } from '../../../shared/staff-roles';
import type { Handlers } from '../handler-types';
import { currentStaff } from './caller';

function refusal(role: StaffRole, name: ProcedureName): string {
  const allowed = procedureRoles[name] ?? [];
  if (role === 'viewer') {
    return allowed.includes('coordinator')
      ? 'Ask a coordinator or an admin to do this: a viewer reads reports and lists only.'
      : 'Ask an admin to do this: a viewer reads reports and lists only.';
  }
  return 'Ask an admin to do this: only admins manage staff, devices, settings, backups and erasure.';
}

/**
 * The office server's role check, on every procedure and before it takes a
 * turn on the write path, so a refused call waits for nothing and writes
 * nothing. A call with no staff caller (the desktop app, the web host, the
 * command line, the server's own inbox watcher and backups) is not a staff
 * member's and is not limited; the server runs every call from a browser as
 * the signed-in staff member (caller.ts).
 */
export function checkedForStaffRole(handlers: Handlers): Handlers {
  const checked = {} as Record<ProcedureName, (input: unknown) => Promise<unknown>>;
  for (const name of Object.keys(handlers) as ProcedureName[]) {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    checked[name] = async (input) => {
      const caller = currentStaff();
      if (caller && !roleMayCall(caller.role, name)) throw new FieldbookError('NOT_ALLOWED', refusal(caller.role, name));
      return handler(input);
    };
  }
  return checked as Handlers;
}
