import { Fragment, useEffect, useRef, useState } from 'react';
import type { RosterEntry } from '../../../../shared/contract';
import { HistoryButton, HistoryPanel, historyPanelId } from '../waitlist/History';
import { ProblemNotice } from './Dialog';
import { RowQuestionDialog } from './RowQuestionDialog';
import type { RosterApi } from './useRoster';
import { RowActions, type RowQuestion } from './RowActions';
import { methodNote, stateLabel } from './words';
import { RosterMembership } from '../membership/RosterMembership';
import { IfMayCall } from '../staff/IfMayCall';

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

/** Everyone booked, in family-name order as on a paper sheet, with what can be done for each and its history. */
export function RosterTable({ api, today }: { api: RosterApi; today: string }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [openHistories, setOpenHistories] = useState<ReadonlySet<string>>(() => new Set());
  const [asking, setAsking] = useState<{ question: RowQuestion; entry: RosterEntry } | null>(null);
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
    // The row's own action first: other cells may hold buttons of their own (membership).
    const target = row?.querySelector<HTMLElement>('.row-slot button') ?? row?.querySelector('button');
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
              <th scope="col" className="roster-table__status">
                Status
              </th>
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
                    <td>
                      {entry.organisationName ?? <span className="muted">No organisation</span>}
                      <RosterMembership sessionId={api.sessionId} personId={entry.personId} name={entry.name} />
                    </td>
                    <td>
                      <StateBadge entry={entry} />
                    </td>
                    <td className="roster-table__actions">
                      <IfMayCall name="signIn.signIn">
                        <RowActions api={api} entry={entry} act={actFor(entry, index)} ask={(question) => setAsking({ question, entry })} />
                      </IfMayCall>
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
      {asking && (
        <RowQuestionDialog
          api={api}
          question={asking.question}
          entry={asking.entry}
          onClose={() => setAsking(null)}
          onDone={() => {
            const { entry } = asking;
            setAsking(null);
            setFocusRequest({ personId: entry.personId, index: shown.indexOf(entry) });
          }}
        />
      )}
    </section>
  );
}
