import { FieldbookError } from '../../../shared/errors';
import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { addStaff, audit, auditTrail, listStaff, setPassword, staffById, updateStaff } from './accounts';
import { currentStaff, type StaffCaller } from './caller';

/** Staff accounts exist only on the office server, and only its admins manage them. */
function admin(): StaffCaller {
  const caller = currentStaff();
  if (!caller) throw new FieldbookError('NOT_ALLOWED', 'Manage staff accounts on the office server (fieldbook serve): this app has no accounts.');
  if (caller.role !== 'admin') throw new FieldbookError('NOT_ALLOWED', 'Ask an admin: only admins manage staff accounts and read the audit trail.');
  return caller;
}

export function staffHandlers(ctx: CoreContext): HandlerGroup<'staff'> {
  return {
    async 'staff.list'() {
      admin();
      return listStaff(ctx);
    },
    async 'staff.add'({ name, email, role, temporaryPassword }) {
      const caller = admin();
      const added = await addStaff(ctx, { name, email, role, password: temporaryPassword, mustChangePassword: true });
      audit(ctx, 'staff_added', { staffId: caller.staffId, name: caller.name }, caller.address, `Added ${added.name} (${added.email}) as ${added.role}.`);
      return added;
    },
    async 'staff.update'({ id, role, active }) {
      const caller = admin();
      const { before, after } = updateStaff(ctx, id, { role, active });
      const who = { staffId: caller.staffId, name: caller.name };
      if (after.role !== before.role) audit(ctx, 'role_changed', who, caller.address, `Changed ${after.name}'s role from ${before.role} to ${after.role}.`);
      if (after.active !== (before.active === 1)) {
        audit(ctx, after.active ? 'account_reactivated' : 'account_deactivated', who, caller.address, `${after.active ? 'Switched on' : 'Switched off'} ${after.name}'s account.`);
      }
      return after;
    },
    async 'staff.resetPassword'({ id, temporaryPassword }) {
      const caller = admin();
      if (!staffById(ctx, id)) throw new FieldbookError('NOT_FOUND', 'Choose a staff member from the list: that account is not here.');
      const reset = await setPassword(ctx, id, temporaryPassword, true);
      audit(ctx, 'password_reset', { staffId: caller.staffId, name: caller.name }, caller.address, `Reset ${reset.name}'s password; they choose a new one at their next sign-in.`);
      return reset;
    },
    async 'staff.audit'({ limit }) {
      admin();
      return auditTrail(ctx, limit);
    },
  };
}
