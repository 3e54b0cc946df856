import type { ReactNode } from 'react';
import type { ProcedureName } from '../../../../shared/contract';
import { useMayCall } from './may-call';

/**
 * Shows its children only when the signed-in staff member's role may call
 * the procedure they would call (shared/staff-roles.ts, through useMayCall),
 * so a viewer is not offered a button the core would refuse. Always shown in
 * the desktop app and on the web host, which have no accounts.
 */
export function IfMayCall({ name, children }: { name: ProcedureName; children: ReactNode }) {
  return useMayCall(name) ? <>{children}</> : null;
}
