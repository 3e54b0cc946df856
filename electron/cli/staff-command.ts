import { staffRoles, type StaffRole } from '../../shared/contract/staff';
import { FieldbookError } from '../../shared/errors';
import { addStaff, audit, setPassword, staffByEmail } from '../core/staff/accounts';
import { inOneTransaction } from '../core/write-path';
import { withCore, type Output } from './commands';
import { UsageError } from './failures';

export const staffOptions = {
  data: { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  email: { type: 'string' },
} as const;

export interface StaffCommandOptions {
  dataFolder: string;
  action: string | undefined;
  values: { role?: string; name?: string; email?: string };
  readPassword(prompt: string): Promise<string>;
}

/**
 * `fieldbook staff add` makes an account from the terminal (the office
 * server's first admin: there is never a default password), and
 * `fieldbook staff reset-password` lets whoever runs the server back in
 * when the only admin is locked out. Both read the password from standard
 * input.
 */
export async function staffCommand(options: StaffCommandOptions, out: Output): Promise<number> {
  const { action, values } = options;
  const email = values.email?.trim();
  if (action !== 'add' && action !== 'reset-password') throw new UsageError('staff needs add or reset-password, for example: fieldbook staff add --role admin --name "Priya Shah" --email priya@example.org');
  if (!email) throw new UsageError(`staff ${action} needs --email, the address the person signs in with.`);
  if (action === 'add') {
    if (!(staffRoles as readonly string[]).includes(values.role ?? '')) throw new UsageError('staff add needs --role admin, --role coordinator or --role viewer.');
    if (!values.name?.trim()) throw new UsageError('staff add needs --name, for example --name "Priya Shah".');
  }
  return withCore(options.dataFolder, async (core) => {
    const { device } = await core.handlers['device.status']({});
    if (device?.role !== 'office') {
      throw new FieldbookError('WRONG_DEVICE_ROLE', `Add staff to the central office's data folder: ${options.dataFolder} is ${device ? `the laptop "${device.name}"` : 'not set up yet'}.`);
    }
    const password = await options.readPassword(action === 'add' ? `Password for ${values.name!.trim()}` : `New password for ${email}`);
    return core.exclusive(async () => {
      const ctx = core.context;
      ctx.sqlite.exec('BEGIN IMMEDIATE');
      try {
        if (action === 'add') {
          const added = await addStaff(ctx, { name: values.name!, email, role: values.role as StaffRole, password, mustChangePassword: false });
          audit(ctx, 'staff_added', { staffId: null, name: null }, 'the terminal', `Added ${added.name} (${added.email}) as ${added.role} from the terminal.`);
          out.line(`Added ${added.name} (${added.email}) as ${added.role}. They sign in with that email and the password just typed.`);
        } else {
          const row = staffByEmail(ctx, email);
          if (!row) throw new FieldbookError('NOT_FOUND', `Check the email address: no staff account uses ${email}.`);
          await setPassword(ctx, row.id, password, false);
          inOneTransaction(ctx.sqlite, () => audit(ctx, 'password_reset', { staffId: null, name: null }, 'the terminal', `Reset ${row.name}'s password from the terminal.`));
          out.line(`Set a new password for ${row.name} (${row.email}); their account is unlocked and signed out everywhere.`);
        }
        ctx.sqlite.exec('COMMIT');
        return 0;
      } catch (error) {
        if (ctx.sqlite.inTransaction) ctx.sqlite.exec('ROLLBACK');
        throw error;
      }
    });
  });
}
