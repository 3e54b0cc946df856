import { Fragment, useEffect, useRef, useState } from 'react';
import type { RosterEntry } from '../../../../shared/contract';
import { HistoryButton, HistoryPanel, historyPanelId } from '../waitlist/History';
import { Dialog, ProblemNotice } from './Dialog';
import type { RosterApi } from './useRoster';
import { methodNote, stateLabel } from './words';

const filters = [
  { value: 'all', label: 'Everyone', keep: () => true },
  {
    value: 'waiting',
    label: 'Not yet signed in',
    keep: (entry: RosterEntry) => entry.state === 'booked' || entry.state === 'offered',
  },
  { value: 'signed_in', label: 'Signed in', keep: (entry: RosterEntry) => entry.state === 'signed_in' },
] as const;
type Filter = (typeof filters)[number]['value'];

const emptyText: Record<Filter, string> = {
  all: 'Nobody is booked on this session yet. Use Find a person to add people.',
  waiting: 'Everyone booked has signed in.',
  signed_in: 'Nobody has signed in yet.',
};

/** Where focus goes once a row's action is done: the same row, or the one now in its place. */
interface FocusRequest {
  personId: string;
  index: number;
}

function StateBadge({ entry }: { entry: RosterEntry }) {
  const note = methodNote(entry);
  return (
    <>
      <span className={`badge badge--${entry.state}`}>{stateLabel(entry)}</span>
      {note && <span className="badge-note">{note}</span>}
    </>
  );
}

/** The one or two things a facilitator can do for a row, most likely first. */
function RowActions({ api, entry, onCancel, act }: {
  api: RosterApi;
  entry: RosterEntry;
  onCancel(): void;
  act(run: () => Promise<boolean>): void;
}) {
  const open = api.closedReason === null;
  const busy = api.busy || undefined;
  const button = (label: string, style: string, onClick: () => void) => (
    <button type="button" className={`button ${style}`} aria-disabled={busy} onClick={onClick}>
      {label}
      <span className="visually-hidden"> {entry.name}</span>
    </button>
  );
  const signIn = () => act(() => api.signIn('table', entry));
  switch (entry.state) {
    case 'signed_in':
      return open ? button('Undo sign-in', 'button--secondary', () => act(() => api.undo('table', entry))) : null;
    case 'booked':
    case 'offered':
      // Signing in someone offered a place takes the offer up.
      return (
        <>
          {open && button('Sign in', '', signIn)}
          {button('Cancel booking', 'button--warning', onCancel)}
        </>
      );
    case 'waitlisted':
      // The core gives them a free place if there is one, or notes that they are here and waiting.
      return open ? button('Sign in', 'button--secondary', signIn) : null;
    default:
      // Cancelled or did not come, yet here after all: signing in books them again if there is a place.
      return open
        ? button('Sign in', 'button--secondary', signIn)
        : button('Book again', 'button--secondary', () => act(() => api.book('table', entry)));
  }
}

/** Everyone booked, in family-name order as on a paper sheet, with what can be done for each and its history. */
export function RosterTable({ api, today }: { api: RosterApi; today: string }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [openHistories, setOpenHistories] = useState<ReadonlySet<string>>(() => new Set());
  const [confirming, setConfirming] = useState<RosterEntry | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const table = useRef<HTMLTableSectionElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { entries } = api.roster;
  const shown = entries.filter(filters.find((choice) => choice.value === filter)!.keep);

  // A row's buttons change with its state, and under a filter the row may go: keep focus in the table.
  useEffect(() => {
    if (!focusRequest) return;
    // Only people's rows: an open history is a row of its own under its person.
    const rows = Array.from(table.current?.rows ?? []).filter((candidate) => candidate.dataset.personId);
    const row =
      rows.find((candidate) => candidate.dataset.personId === focusRequest.personId) ??
      rows[Math.min(focusRequest.index, rows.length - 1)];
    const target = row?.querySelector('button');
    if (target) target.focus();
    else heading.current?.focus();
  }, [focusRequest]);

  const toggleHistory = (personId: string) =>
    setOpenHistories((current) => {
      const next = new Set(current);
      if (!next.delete(personId)) next.add(personId);
      return next;
    });

  const actFor = (entry: RosterEntry, index: number) => (run: () => Promise<boolean>) => {
    void run().then((done) => {
      if (done) setFocusRequest({ personId: entry.personId, index });
    });
  };

  return (
    <section className="roster" aria-labelledby="roster-heading">
      <h2 id="roster-heading" ref={heading} tabIndex={-1}>
        Everyone booked
      </h2>
      <fieldset className="roster-filter">
        <legend className="field__label">Show</legend>
        <div className="radios radios--inline">
          {filters.map((choice) => {
            const id = `roster-filter-${choice.value}`;
            return (
              <div className="radio" key={choice.value}>
                <input
                  className="radio__input"
                  type="radio"
                  id={id}
                  name="roster-filter"
                  checked={filter === choice.value}
                  onChange={() => setFilter(choice.value)}
                />
                <label className="radio__label" htmlFor={id}>
                  {choice.label} ({entries.filter(choice.keep).length})
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
      <ProblemNotice problem={api.problem} place="table" />
      {shown.length === 0 ? (
        <p className="empty">{emptyText[filter]}</p>
      ) : (
        <table className="table roster-table">
          <caption className="visually-hidden">People booked on this session, by family name</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Organisation</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody ref={table}>
            {shown.map((entry, index) => {
              const historyOpen = openHistories.has(entry.personId);
              const panelId = historyPanelId('roster', entry.personId);
              return (
                <Fragment key={entry.personId}>
                  <tr data-person-id={entry.personId}>
                    <th scope="row">{entry.name}</th>
                    <td>{entry.organisationName ?? <span className="muted">No organisation</span>}</td>
                    <td>
                      <StateBadge entry={entry} />
                    </td>
                    <td className="roster-table__actions">
                      <RowActions api={api} entry={entry} act={actFor(entry, index)} onCancel={() => setConfirming(entry)} />
                      <HistoryButton
                        name={entry.name}
                        open={historyOpen}
                        panelId={panelId}
                        onToggle={() => toggleHistory(entry.personId)}
                      />
                    </td>
                  </tr>
                  {historyOpen && (
                    <tr className="roster-table__history">
                      <td colSpan={4}>
                        <HistoryPanel id={panelId} sessionId={api.sessionId} person={entry} version={api.version} today={today} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      {confirming && (
        <Dialog title={`Cancel ${confirming.name}'s booking?`} onClose={() => setConfirming(null)}>
          <p>Their place on this session will be free for someone else. You can book them again later if there is room.</p>
          <div className="dialog__actions">
            <button
              type="button"
              className="button button--warning"
              aria-disabled={api.busy || undefined}
              onClick={() => {
                const entry = confirming;
                const index = shown.indexOf(entry);
                void api.cancelBooking('table', entry).then((done) => {
                  setConfirming(null);
                  if (done) setFocusRequest({ personId: entry.personId, index });
                });
              }}
            >
              Yes, cancel the booking
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
              No, keep it
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
