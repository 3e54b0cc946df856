import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { OrganisationRequest } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useDevice } from '../../app/device';
import { ButtonLink, LoadFailed, Loading, Page } from '../../components/Page';
import { useAnnounce } from '../../components/status';
import { useAsync } from '../../components/useAsync';
import '../../styles/requests.css';
import { DownloadButtons } from '../exports/DownloadButtons';
import { ReasonDialog } from '../waitlist/ReasonDialog';
import { askedOn, requestStatusLabels, splitQueue, staffText } from './words';
import { useMayCall } from '../staff/may-call';
import { IfMayCall } from '../staff/IfMayCall';

/** One waiting request: its place in the queue, what was asked, and what can be done with it. */
function QueuedRequest({ request, onDecline }: { request: OrganisationRequest; onDecline(): void }) {
  // The office decides requests (db/write-policy.ts): a laptop takes them and shows the queue.
  const decides = useDevice().role === 'office';
  // A viewer on the office server reads the queue; the core would refuse scheduling or declining.
  const mayDecide = useMayCall('requests.schedule');
  const headingId = `request-${request.id}`;
  return (
    <li className="request" data-request-id={request.id} aria-labelledby={headingId}>
      <p className="request__position">
        <span className="visually-hidden">Number </span>
        {request.queuePosition}
      </p>
      <div className="request__body">
        <h3 className="request__organisation" id={headingId}>
          {request.organisationName}
        </h3>
        <dl className="request__details">
          <div>
            <dt>Course</dt>
            <dd>{request.courseTitle}</dd>
          </div>
          <div>
            <dt>Staff</dt>
            <dd>{staffText(request.staffCount)}</dd>
          </div>
          <div>
            <dt>Preferred dates</dt>
            <dd>{request.preferredDates ?? 'Any'}</dd>
          </div>
          <div>
            <dt>Contact</dt>
            <dd>{[request.contactName, request.contactEmail, request.contactPhone].filter(Boolean).join(', ')}</dd>
          </div>
          <div>
            <dt>Asked on</dt>
            <dd>{askedOn(request)}</dd>
          </div>
          {request.notes && (
            <div>
              <dt>Notes</dt>
              <dd className="pre-line">{request.notes}</dd>
            </div>
          )}
          <div>
            <dt>Status</dt>
            <dd>
              <span className="tag tag--waiting">{requestStatusLabels[request.status]}</span>
            </dd>
          </div>
        </dl>
      </div>
      {decides ? (
        mayDecide && (
          <div className="request__actions">
            <ButtonLink href={`/requests/${request.id}/schedule`}>
              Schedule<span className="visually-hidden"> a session for {request.organisationName}</span>
            </ButtonLink>
            <IfMayCall name="requests.decline">
              <button type="button" className="button button--warning" onClick={onDecline}>
                Decline<span className="visually-hidden"> the request from {request.organisationName}</span>
              </button>
            </IfMayCall>
          </div>
        )
      ) : (
        <p className="request__actions">The central office schedules or declines it once this laptop has sent its end-of-day file.</p>
      )}
    </li>
  );
}

/** Requests already dealt with: the session made for them, or why they were declined. */
function DoneRequests({ requests }: { requests: OrganisationRequest[] }) {
  return (
    <table className="table requests-done">
      <caption className="visually-hidden">Scheduled and declined requests, in the order they arrived</caption>
      <thead>
        <tr>
          <th scope="col">Organisation</th>
          <th scope="col">Course</th>
          <th scope="col">Staff</th>
          <th scope="col">Status</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((request) => (
          <tr key={request.id}>
            <th scope="row">{request.organisationName}</th>
            <td>{request.courseTitle}</td>
            <td>{staffText(request.staffCount)}</td>
            <td>
              <span className={`tag tag--${request.status}`}>{requestStatusLabels[request.status]}</span>
            </td>
            <td>
              {request.sessionId ? (
                <Link href={`/today/${request.sessionId}`}>
                  Open the session<span className="visually-hidden"> for {request.organisationName}</span>
                </Link>
              ) : (
                request.declineReason
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Organisations asking for a course for their own staff, in the order they
 * asked: the queue first, numbered, then those scheduled or declined.
 */
export function RequestList() {
  const [version, setVersion] = useState(0);
  const [declining, setDeclining] = useState<{ request: OrganisationRequest; index: number } | null>(null);
  const [focusAfter, setFocusAfter] = useState<{ index: number; declinedId: string } | null>(null);
  const queueHeading = useRef<HTMLHeadingElement>(null);
  const queueList = useRef<HTMLOListElement>(null);
  const announce = useAnnounce();
  const [location] = useLocation();
  const result = useAsync(() => call('requests.list', {}), [version]);
  const { waiting, done } = splitQueue(result.data ?? []);

  // After a decline the request leaves the queue: focus goes to the one now in its place, once the list is back.
  useEffect(() => {
    if (!focusAfter || result.status !== 'ready') return;
    if (result.data.some((request) => request.id === focusAfter.declinedId && request.status === 'waiting')) return;
    const items = queueList.current?.querySelectorAll<HTMLElement>(':scope > li');
    const item = items?.[Math.min(focusAfter.index, items.length - 1)];
    (item?.querySelector<HTMLElement>('a, button') ?? queueHeading.current)?.focus();
    setFocusAfter(null);
  }, [focusAfter, result]);

  return (
    <Page
      title="Requests"
      actions={
        <IfMayCall name="requests.create">
          <ButtonLink href="/requests/new">New request</ButtonLink>
        </IfMayCall>
      }
    >
      <p className="lead">Organisations asking for a course to be run for their own staff, in the order they asked.</p>
      {result.status === 'failed' && <LoadFailed message={result.message} />}
      {result.data === undefined && result.status === 'loading' && <Loading what="requests" />}
      {result.data !== undefined && (
        <>
          {result.data.length > 0 && <DownloadButtons request={{ list: 'requests' }} what="the requests" />}
          <section aria-labelledby="queue-heading">
            <h2 id="queue-heading" ref={queueHeading} tabIndex={-1}>
              Waiting to be scheduled
            </h2>
            {waiting.length === 0 ? (
              <p className="empty">No requests are waiting. Use New request when an organisation asks.</p>
            ) : (
              <ol className="requests" ref={queueList} aria-label="Requests waiting, first asked first">
                {waiting.map((request, index) => (
                  <QueuedRequest key={request.id} request={request} onDecline={() => setDeclining({ request, index })} />
                ))}
              </ol>
            )}
          </section>
          {done.length > 0 && (
            <section aria-labelledby="done-heading" className="requests-done-section">
              <h2 id="done-heading">Scheduled and declined</h2>
              <DoneRequests requests={done} />
            </section>
          )}
        </>
      )}
      {declining && (
        <ReasonDialog
          question={{
            title: `Decline the request from ${declining.request.organisationName}?`,
            explain: 'It leaves the queue. The reason is kept with the request.',
            hint: 'For example: no facilitator free in the months they asked for.',
            whenEmpty: `Write why the request from ${declining.request.organisationName} is declined.`,
            confirm: 'Decline the request',
            warning: true,
            save: async (reason) => {
              await call('requests.decline', { id: declining.request.id, reason });
              announce(`Request from ${declining.request.organisationName} declined.`, location);
            },
          }}
          onCancel={() => setDeclining(null)}
          onDone={() => {
            setFocusAfter({ index: declining.index, declinedId: declining.request.id });
            setDeclining(null);
            setVersion((count) => count + 1);
          }}
        />
      )}
    </Page>
  );
}
