import { useId, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { joinRequestStatuses, type JoinRequestStatus, type MemberRequest } from '../../../../shared/contract';
import { call } from '../../api/client';
import { longDate, NOT_GIVEN } from '../../components/format';
import { LoadFailed, Loading, Page } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import { problemText } from '../sync/words';
import { Dialog } from '../today/Dialog';
import { Field, Problem, todayLocal } from './parts';
import { IfMayCall } from '../staff/IfMayCall';

const statusWords: Record<JoinRequestStatus, string> = { open: 'To confirm', confirmed: 'Confirmed', declined: 'Declined' };

/**
 * "Wants to join" requests facilitators recorded on their laptops, as the
 * end-of-day files brought them: the office confirms each (adding the
 * person's term, its origin worked out) or declines it.
 */
export function JoinRequests() {
  const [status, setStatus] = useState<JoinRequestStatus>('open');
  const [changed, setChanged] = useState(0);
  const [deciding, setDeciding] = useState<{ request: MemberRequest; action: 'confirm' | 'decline' } | null>(null);
  const result = useAsync(() => call('memberRequests.list', { status }), [status, changed]);
  const statusId = useId();
  const announce = useAnnounce();
  const [location] = useLocation();

  return (
    <Page title="Requests to join">
      <p>
        <Link href="/membership">Back to members</Link>
      </p>
      <div className="field">
        <label className="field__label" htmlFor={statusId}>
          Show
        </label>
        <select id={statusId} className="input" value={status} onChange={(event) => setStatus(event.target.value as JoinRequestStatus)}>
          {joinRequestStatuses.map((value) => (
            <option key={value} value={value}>
              {statusWords[value]}
            </option>
          ))}
        </select>
      </div>
      {result.status === 'failed' && <LoadFailed message={result.message} />}
      {result.data === undefined && result.status === 'loading' && <Loading what="requests" />}
      {result.data?.length === 0 && <p className="empty">{status === 'open' ? 'There are no requests to confirm. They arrive in laptops’ end-of-day files.' : 'There are none.'}</p>}
      {result.data && result.data.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">Requests to join a membership scheme</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scheme</th>
              <th scope="col">Asked at</th>
              <th scope="col">Notes</th>
              <th scope="col">{status === 'open' ? <span className="visually-hidden">Actions</span> : 'Decided'}</th>
            </tr>
          </thead>
          <tbody>
            {result.data.map((request) => (
              <tr key={request.id}>
                <th scope="row">
                  <Link href={`/membership/members/${request.personId}`}>{request.name}</Link>
                  {request.organisationName && <span className="badge-note">{request.organisationName}</span>}
                </th>
                <td>{request.schemeName}</td>
                <td>
                  {request.courseTitle}, {longDate(request.sessionStartsAt.slice(0, 10))} ({request.laptopName})
                </td>
                <td>{request.notes ?? <span className="muted">{NOT_GIVEN}</span>}</td>
                <td>
                  {request.status === 'open' ? (
                    <>
                      {/* A viewer on the office server sees the requests; the core would refuse deciding them. */}
                      {request.schemeKnown && (
                        <IfMayCall name="memberRequests.confirm">
                          <button type="button" className="button" onClick={() => setDeciding({ request, action: 'confirm' })}>
                            Confirm<span className="visually-hidden"> {request.name}</span>
                          </button>
                        </IfMayCall>
                      )}{' '}
                      <IfMayCall name="memberRequests.decline">
                        <button type="button" className="button button--secondary" onClick={() => setDeciding({ request, action: 'decline' })}>
                          Decline<span className="visually-hidden"> {request.name}</span>
                        </button>
                      </IfMayCall>
                    </>
                  ) : (
                    `${longDate(request.decidedAt!.slice(0, 10))}${request.declineReason ? `: ${request.declineReason}` : ''}`
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deciding && (
        <Decide
          {...deciding}
          onClose={() => setDeciding(null)}
          onDone={(message) => {
            setDeciding(null);
            setChanged((count) => count + 1);
            announce(message, location);
          }}
        />
      )}
    </Page>
  );
}

function Decide({ request, action, onClose, onDone }: { request: MemberRequest; action: 'confirm' | 'decline'; onClose(): void; onDone(message: string): void }) {
  const [startsOn, setStartsOn] = useState(todayLocal());
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      if (action === 'confirm') {
        await call('memberRequests.confirm', { id: request.id, ...(startsOn && { startsOn }) });
        onDone(`${request.name} is now a member of ${request.schemeName}.`);
      } else {
        await call('memberRequests.decline', { id: request.id, reason });
        onDone(`${request.name}'s request to join ${request.schemeName} was declined.`);
      }
    } catch (error) {
      setProblem(problemText(error, 'Nothing was saved.'));
    }
  };
  return (
    <Dialog title={action === 'confirm' ? `Add ${request.name} to ${request.schemeName}?` : `Decline ${request.name}'s request?`} onClose={onClose}>
      <form noValidate onSubmit={submit}>
        <Problem message={problem} />
        {action === 'confirm' ? (
          <Field label="Membership starts" hint="A renewal or a rejoin is worked out from any earlier terms. Record the fee on their page.">
            {(id, describedBy) => <input id={id} className="input" type="date" aria-describedby={describedBy} value={startsOn} onChange={(event) => setStartsOn(event.target.value)} />}
          </Field>
        ) : (
          <Field label="Reason" hint="Optional.">
            {(id, describedBy) => <input id={id} className="input" aria-describedby={describedBy} value={reason} onChange={(event) => setReason(event.target.value)} />}
          </Field>
        )}
        <div className="dialog__actions">
          <button type="submit" className="button">
            {action === 'confirm' ? 'Confirm and add as a member' : 'Decline request'}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
