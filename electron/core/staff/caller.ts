import { AsyncLocalStorage } from 'node:async_hooks';
import type { StaffRole } from '../../../shared/contract/staff';

/** Who is making a call on the office server: the signed-in staff member and the address they called from. */
export interface StaffCaller {
  staffId: string;
  name: string;
  role: StaffRole;
  address: string;
}

/**
 * The office server runs each call inside `asStaff`, and the call's
 * handler (which may wait its turn on the write path first) reads the
 * caller with `currentStaff`. The context travels with the call's own
 * promises, so two staff's calls queued together never see each other.
 * The desktop app, the web host and the command line run no call inside
 * it: there is no caller, as there are no accounts.
 */
const callers = new AsyncLocalStorage<StaffCaller>();

export function asStaff<T>(caller: StaffCaller, work: () => Promise<T>): Promise<T> {
  return callers.run(caller, work);
}

export function currentStaff(): StaffCaller | undefined {
  return callers.getStore();
}
