import type { ProcedureName } from '../../../../shared/contract';
import { roleMayCall } from '../../../../shared/staff-roles';
import { useSignedInStaff } from './signed-in-staff';

/**
 * Whether the signed-in staff member's role lets them call a procedure, so
 * a screen can leave out what the core would refuse (shared/staff-roles.ts).
 * Always true in the desktop app and on the web host, which have no accounts.
 */
export function useMayCall(name: ProcedureName): boolean {
  return roleMayCall(useSignedInStaff()?.role, name);
}

/** Whether the signed-in staff member may change anything at all: a viewer may not. */
export function useMayChange(): boolean {
  return useSignedInStaff()?.role !== 'viewer';
}
