import type { StaffAuditEntry } from '../../../../shared/contract';
import { orNotGiven } from '../../../../shared/words-for-days';
import { call } from '../../api/client';
import { momentText } from '../../components/format';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAsync } from '../../components/useAsync';

const kindWords: Record<StaffAuditEntry['kind'], string> = {
  signed_in: 'Signed in',
  sign_in_failed: 'Failed sign-in',
  signed_out: 'Signed out',
  signed_out_everywhere: 'Signed out everywhere',
  password_changed: 'Chose a new password',
  password_reset: 'Password reset',
  staff_added: 'Staff added',
  role_changed: 'Role changed',
  account_deactivated: 'Account switched off',
  account_reactivated: 'Account switched on',
  personal_data_exported: 'Personal data exported',
  person_erased: 'Erasure',
};

/**
 * The office server's audit trail, for admins: sign-ins and failed ones,
 * changes to staff accounts and roles, exports of personal data and
 * erasures, newest first, each with who, when and from which address.
 */
export function AuditScreen() {
  const trail = useAsync(() => call('staff.audit', { limit: 500 }), []);
  if (trail.status === 'failed') return <Page title="Audit trail"><LoadFailed message={trail.message} /></Page>;
  if (trail.status !== 'ready') return <Page title="Audit trail"><Loading what="the audit trail" /></Page>;
  return (
    <Page title="Audit trail">
      <p>The newest 500 lines: sign-ins to this server, failed sign-ins, changes to staff accounts and roles, exports of personal data and erasures.</p>
      {trail.data.length === 0 ? (
        <p>Nothing has happened on this server yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Audit trail, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Who</th>
              <th scope="col">From</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {trail.data.map((line) => (
              <tr key={line.id}>
                <td>{momentText(line.at)}</td>
                <th scope="row">{kindWords[line.kind]}</th>
                <td>{orNotGiven(line.staffName)}</td>
                <td>{orNotGiven(line.address)}</td>
                <td>{line.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
