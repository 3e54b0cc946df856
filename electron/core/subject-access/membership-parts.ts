import type { SubjectAccessPart } from '../../../shared/contract';
import { termOriginLabels } from '../../../shared/contract';
import type { MembershipRequestsTable, MembershipTermsTable } from '../../db/schema';
import { cell } from '../exports/table';
import { partOf, type AccessContext } from './context';

/** Their membership: every term (renewals are terms of their own) and every request to join a scheme. */

const pounds = (pence: number | null) => cell.text(pence === null ? null : `£${(pence / 100).toFixed(2)}`);
const requestStatusWords: Record<MembershipRequestsTable['status'], string> = { open: 'Waiting for the office', confirmed: 'Confirmed', declined: 'Declined' };

export function membershipPart(access: AccessContext): SubjectAccessPart {
  const rows = access.stored<MembershipTermsTable>('membership_terms', 'starts_on, id');
  const scheme = access.sqlite.prepare('SELECT name FROM membership_schemes WHERE id = ?').pluck();
  return partOf(
    'membership',
    'Membership terms',
    'Every term of membership they held, joined, renewed or rejoined, with its fee and notes.',
    [
      ['Scheme', (row) => cell.text((scheme.get(row.scheme_id) as string | undefined) ?? 'A scheme no longer here')],
      ['Starts', (row) => cell.day(row.starts_on)],
      ['Ends', (row) => cell.day(row.ends_on)],
      ['Term', (row) => cell.text(termOriginLabels[row.origin])],
      ['Fee', (row) => pounds(row.fee_pence)],
      ['Paid on', (row) => cell.day(row.paid_on)],
      ['Organisation', (row) => access.organisationName(row.organisation_id)],
      ['Notes', (row) => cell.text(row.notes)],
      ['Cancelled on', (row) => cell.day(row.cancelled_on)],
      ['Training exemption', (row) => cell.text(row.exempt_reason)],
      ['Added at', (row) => cell.instant(row.created_at)],
    ],
    rows,
  );
}

export function joinRequestsPart(access: AccessContext): SubjectAccessPart {
  const rows = access.stored<MembershipRequestsTable>('membership_requests', 'requested_at, id');
  return partOf(
    'join-requests',
    'Requests to join a scheme',
    'Each time they asked at a session to join a membership scheme, and what the office decided.',
    [
      ['Scheme', (row) => cell.text(row.scheme_name)],
      ['Session', (row) => access.sessionName(row.session_id)],
      ['Asked at', (row) => cell.instant(row.requested_at)],
      ['Notes', (row) => cell.text(row.notes)],
      ['Status', (row) => cell.text(requestStatusWords[row.status])],
      ['Decided at', (row) => cell.instant(row.decided_at)],
      ['Why declined', (row) => cell.text(row.decline_reason)],
      ['Computer', (row) => cell.text(access.deviceName(row.device_id))],
    ],
    rows,
  );
}
