import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { RosterEntry } from '../../../../shared/contract';
import { call } from '../../api/client';
import { DownloadButtons } from '../exports/DownloadButtons';
import { ProblemNotice } from '../today/Dialog';
import type { RosterApi } from '../today/useRoster';
import { QueueRow, ReasonButtons, RowButton } from './QueueRow';
import { ReasonDialog } from './ReasonDialog';
import { queueActions, reasonActions, type ReasonAction } from './reasons';
import { offersOf, queueOf } from './words';
import { useMayCall } from '../staff/may-call';

/** Where focus goes after a change: the same person's same button, or whoever is now in their place. */
interface FocusRequest {
  personId: string;
  action: string;
  list: 'offers' | 'queue';
  index: number;
}

interface Asking {
  action: ReasonAction;
  entry: RosterEntry;
  list: FocusRequest['list'];
  index: number;
}

/**
 * The session's waiting list: places offered and waiting to be confirmed,
 * then everyone waiting, in order. When a place frees up the core offers it
 * to the first person waiting; here the office or facilitator confirms it or
 * passes it on, and moves or removes people, always with a reason.
 */
export function WaitingList({ api, today }: { api: RosterApi; today: string }) {
  const { roster } = api;
  const offers = offersOf(roster);
  const queue = queueOf(roster);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [openHistories, setOpenHistories] = useState<ReadonlySet<string>>(() => new Set());
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Changes need a session that is going ahead; a cancelled one keeps its list to read.
  // A viewer reads the waiting list; the buttons are for those who may book (shared/staff-roles.ts).
  const mayBook = useMayCall('bookings.acceptOffer');
  const canChange = roster.session.status === 'scheduled' && mayBook;

  useEffect(() => {
    if (!focusRequest) return;
    const within = (selector: string) => section.current?.querySelector<HTMLElement>(selector) ?? null;
    const row = within(`li[data-person-id="${focusRequest.personId}"]`);
    const sameList = section.current?.querySelectorAll<HTMLElement>(`[data-list="${focusRequest.list}"] > li`);
    const neighbour = sameList?.[Math.min(focusRequest.index, sameList.length - 1)];
    const target =
      row?.querySelector<HTMLElement>(`[data-action="${focusRequest.action}"]`) ??
      row?.querySelector<HTMLElement>('button') ??
      neighbour?.querySelector<HTMLElement>('button') ??
      heading.current;
    target?.focus();
  }, [focusRequest]);

  const toggleHistory = (personId: string) =>
    setOpenHistories((current) => {
      const next = new Set(current);
      if (!next.delete(personId)) next.add(personId);
      return next;
    });

  const confirm = (entry: RosterEntry, index: number) => {
    void api
      .run(
        'waitlist',
        () => call('bookings.acceptOffer', { sessionId: api.sessionId, personId: entry.personId }),
        () => `${entry.name}'s place is confirmed. They are booked.`,
      )
      .then((done) => {
        if (done) setFocusRequest({ personId: entry.personId, action: 'confirm', list: 'offers', index });
      });
  };

  const row = (entry: RosterEntry, list: FocusRequest['list'], index: number, buttons: ReactNode) => (
    <QueueRow
      key={entry.personId}
      entry={entry}
      sessionId={api.sessionId}
      today={today}
      version={api.version}
      historyOpen={openHistories.has(entry.personId)}
      onHistory={() => toggleHistory(entry.personId)}
    >
      {canChange && buttons}
    </QueueRow>
  );

  const ask = (entry: RosterEntry, list: FocusRequest['list'], index: number) => (action: ReasonAction) =>
    setAsking({ action, entry, list, index });

  return (
    <section className="waitlist" aria-labelledby="waitlist-heading" ref={section}>
      <h2 id="waitlist-heading" ref={heading} tabIndex={-1}>
        Waiting list
      </h2>
      <ProblemNotice problem={api.problem} place="waitlist" />
      {offers.length > 0 && (
        <>
          <h3 className="waitlist__subheading">Places offered</h3>
          <p>Confirm each place once the person has said yes, or pass it on to the next person waiting.</p>
          <ul className="queue" data-list="offers" aria-label="Places offered">
            {offers.map((entry, index) =>
              row(
                entry,
                'offers',
                index,
                <>
                  <RowButton action="confirm" label="Confirm place" name={entry.name} busy={api.busy} onClick={() => confirm(entry, index)} />
                  <ReasonButtons entry={entry} actions={['pass']} busy={api.busy} onAsk={ask(entry, 'offers', index)} />
                </>,
              ),
            )}
          </ul>
        </>
      )}
      {queue.length === 0 ? (
        <p className="empty">Nobody is waiting for a place.</p>
      ) : (
        <>
          {offers.length > 0 && <h3 className="waitlist__subheading">Waiting</h3>}
          <p>First come, first served. When a place frees up, it is offered to the first person waiting.</p>
          <ol className="queue" data-list="queue" aria-label="People waiting, in order">
            {queue.map((entry, index) =>
              row(
                entry,
                'queue',
                index,
                <ReasonButtons
                  entry={entry}
                  actions={queueActions(entry, queue.length)}
                  busy={api.busy}
                  onAsk={ask(entry, 'queue', index)}
                />,
              ),
            )}
          </ol>
        </>
      )}
      {(offers.length > 0 || queue.length > 0) && (
        <DownloadButtons request={{ list: 'waitlist', sessionId: api.sessionId }} what="the waiting list" />
      )}
      {asking && (
        <ReasonDialog
          question={{
            ...reasonActions[asking.action].question(asking.entry.name),
            save: async (reason) => {
              const { action, entry } = asking;
              const next = await reasonActions[action].send(api.sessionId, entry.personId, reason);
              api.adopt(next, reasonActions[action].done(entry.name, next, entry.personId));
            },
          }}
          onCancel={() => setAsking(null)}
          onDone={() => {
            const { action, entry, list, index } = asking;
            setAsking(null);
            setFocusRequest({ personId: entry.personId, action, list, index });
          }}
        />
      )}
    </section>
  );
}
