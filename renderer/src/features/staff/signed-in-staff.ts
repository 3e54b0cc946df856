import { createContext, useContext } from 'react';
import type { StaffMember } from '../../../../shared/contract';

/** The signed-in staff member on the office server; null in the desktop app and on the web host, which have no accounts. */
export const SignedInStaffContext = createContext<StaffMember | null>(null);

export function useSignedInStaff(): StaffMember | null {
  return useContext(SignedInStaffContext);
}
