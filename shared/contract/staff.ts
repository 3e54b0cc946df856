import { z } from 'zod';
import { Id, requiredText } from './common';

/**
 * The office server's staff accounts (docs/server.md). The desktop app has
 * no accounts; these procedures answer only on the server, to an admin.
 */

export const staffRoles = ['admin', 'coordinator', 'viewer'] as const;
export const StaffRole = z.enum(staffRoles, { error: 'Choose the role: admin, coordinator or viewer.' });
export type StaffRole = z.infer<typeof StaffRole>;

/** The fewest characters a staff password may have. */
export const MIN_PASSWORD_LENGTH = 12;

export const StaffEmail = z
  .string({ error: 'Enter the email address as text.' })
  .trim()
  .min(1, { error: 'Enter the email address.' })
  .max(254, { error: 'Shorten the email address to 254 characters or fewer.' })
  .refine((value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), { error: 'Enter the email address in the right form, like name@example.org.' })
  .transform((value) => value.toLowerCase());

/** Checked for length here; the common-password list and the person's own name are checked in the core. */
export const NewPassword = z
  .string({ error: 'Enter the password as text.' })
  .min(MIN_PASSWORD_LENGTH, { error: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.` })
  .max(200, { error: 'Shorten the password to 200 characters or fewer.' });

/** The office server's sign-in screen (not a procedure: the server answers it with a session cookie). */
export const SignInInput = z.strictObject({
  email: StaffEmail,
  password: z.string({ error: 'Enter your password.' }).min(1, { error: 'Enter your password.' }).max(200, { error: 'Enter your password.' }),
});
export const ChangePasswordInput = z.strictObject({
  currentPassword: z
    .string({ error: 'Enter your current password.' })
    .min(1, { error: 'Enter your current password.' })
    .max(200, { error: 'Enter your current password.' }),
  newPassword: NewPassword,
});

export const StaffMember = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: StaffRole,
  active: z.boolean(),
  /** Set by an admin's reset: the person chooses a new password at their next sign-in. */
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const StaffAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(['signed_in', 'sign_in_failed', 'signed_out', 'signed_out_everywhere', 'password_changed', 'password_reset', 'staff_added', 'role_changed', 'account_deactivated', 'account_reactivated', 'personal_data_exported', 'person_erased']),
  staffName: z.string().nullable(),
  address: z.string().nullable(),
  detail: z.string(),
});
export type StaffAuditEntry = z.infer<typeof StaffAuditEntry>;

export const staffProcedures = {
  'staff.list': { kind: 'query', input: z.strictObject({}), output: z.array(StaffMember) },
  'staff.add': {
    kind: 'mutation',
    input: z.strictObject({
      name: requiredText('Name', 200),
      email: StaffEmail,
      role: StaffRole,
      /** A first password the admin passes on; the person replaces it at their first sign-in. */
      temporaryPassword: NewPassword,
    }),
    output: StaffMember,
  },
  'staff.update': {
    kind: 'mutation',
    input: z.strictObject({ id: Id, role: StaffRole.optional(), active: z.boolean({ error: 'Choose whether the account is active.' }).optional() }),
    output: StaffMember,
  },
  'staff.resetPassword': {
    kind: 'mutation',
    input: z.strictObject({ id: Id, temporaryPassword: NewPassword }),
    output: StaffMember,
  },
  'staff.audit': {
    kind: 'query',
    input: z.strictObject({
      limit: z.number({ error: 'Ask for a whole number of lines, from 1 to 1,000.' }).int({ error: 'Ask for a whole number of lines, from 1 to 1,000.' }).min(1, { error: 'Ask for a whole number of lines, from 1 to 1,000.' }).max(1000, { error: 'Ask for a whole number of lines, from 1 to 1,000.' }).default(200),
    }),
    output: z.array(StaffAuditEntry),
  },
} as const;
