import { useState } from 'react';
import { procedures, type StaffMember } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { useForm } from '../../components/form';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import { longDate } from '../../components/format';

const roleChoices = [
  { value: 'admin', label: 'Admin: staff, devices, settings, erasure, and everything else' },
  { value: 'coordinator', label: 'Coordinator: catalogue, sessions, bookings, members, imports, reports' },
  { value: 'viewer', label: 'Viewer: reports and lists only' },
];
const roleWords: Record<StaffMember['role'], string> = { admin: 'Admin', coordinator: 'Coordinator', viewer: 'Viewer' };

function AddStaff({ onAdded }: { onAdded(member: StaffMember): void }) {
  const form = useForm({
    id: 'add-staff',
    initial: { name: '', email: '', role: 'coordinator', temporaryPassword: '' },
    schema: procedures['staff.add'].input,
    toInput: (draft) => draft,
  });
  const submit = form.onSubmit(async (input) => onAdded(await call('staff.add', input)));
  return (
    <form className="record-form" noValidate onSubmit={submit}>
      <ErrorSummary form={form} />
      <TextField form={form} name="name" label="Name" width="medium" />
      <TextField form={form} name="email" label="Email address" type="email" width="medium" />
      <SelectField form={form} name="role" label="Role" choices={roleChoices} />
      <TextField
        form={form}
        name="temporaryPassword"
        label="First password"
        hint="At least 12 characters. Give it to them in person; they choose their own when they first sign in."
        type="password"
        autoComplete="new-password"
        width="medium"
      />
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={form.saving || undefined}>
          {form.saving ? 'Adding…' : 'Add staff member'}
        </button>
      </div>
    </form>
  );
}

function ChangeAccount({ staff, onChanged }: { staff: StaffMember[]; onChanged(message: string): void }) {
  const form = useForm({
    id: 'change-staff',
    initial: { id: '', role: '', active: '', temporaryPassword: '' },
    schema: procedures['staff.update'].input,
    toInput: (draft) => ({ id: draft.id || undefined, role: draft.role || undefined, active: draft.active === '' ? undefined : draft.active === 'yes' }),
  });
  const submit = form.onSubmit(async (input) => {
    const person = staff.find((member) => member.id === input.id);
    await call('staff.update', input);
    if (form.draft.temporaryPassword !== '') await call('staff.resetPassword', { id: input.id, temporaryPassword: form.draft.temporaryPassword });
    onChanged(`Saved the changes to ${person?.name ?? 'the account'}.`);
  });
  return (
    <form className="record-form" noValidate onSubmit={submit}>
      <ErrorSummary form={form} />
      <SelectField form={form} name="id" label="Staff member" placeholder="Choose a staff member" choices={staff.map((member) => ({ value: member.id, label: `${member.name} (${member.email})` }))} />
      <SelectField form={form} name="role" label="New role" placeholder="Keep the role" choices={roleChoices} />
      <SelectField
        form={form}
        name="active"
        label="Account"
        placeholder="Keep it as it is"
        choices={[
          { value: 'yes', label: 'Switched on: they can sign in' },
          { value: 'no', label: 'Switched off: they cannot sign in' },
        ]}
      />
      <TextField
        form={form}
        name="temporaryPassword"
        label="Reset the password to"
        hint="Leave empty to keep it. A reset signs them out everywhere; they choose a new password at their next sign-in."
        type="password"
        autoComplete="new-password"
        width="medium"
      />
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={form.saving || undefined}>
          {form.saving ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}

/** The office server's staff accounts, for admins: who can sign in, with which role. */
export function StaffScreen() {
  const [version, setVersion] = useState(0);
  const staff = useAsync(() => call('staff.list', {}), [version]);
  const announce = useAnnounce();
  if (staff.status === 'failed') return <Page title="Staff"><LoadFailed message={staff.message} /></Page>;
  if (staff.status !== 'ready') return <Page title="Staff"><Loading what="staff" /></Page>;
  const changed = (message: string) => {
    announce(message, '/staff');
    setVersion((v) => v + 1);
  };
  return (
    <Page title="Staff">
      <table className="table">
        <caption className="table__caption">Staff accounts</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email address</th>
            <th scope="col">Role</th>
            <th scope="col">Account</th>
            <th scope="col">Since</th>
          </tr>
        </thead>
        <tbody>
          {staff.data.map((member) => (
            <tr key={member.id}>
              <th scope="row">{member.name}</th>
              <td>{member.email}</td>
              <td>{roleWords[member.role]}</td>
              <td>{member.active ? (member.mustChangePassword ? 'Chooses a new password at next sign-in' : 'Switched on') : 'Switched off'}</td>
              <td>{longDate(member.createdAt.slice(0, 10))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="add-staff-heading">
        <h2 id="add-staff-heading">Add a staff member</h2>
        <AddStaff key={version} onAdded={(member) => changed(`Added ${member.name} as ${member.role}.`)} />
      </section>
      <section aria-labelledby="change-staff-heading">
        <h2 id="change-staff-heading">Change an account</h2>
        <ChangeAccount key={version} staff={staff.data} onChanged={changed} />
      </section>
    </Page>
  );
}
