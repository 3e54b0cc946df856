import type { ReactNode } from 'react';
import type { RosterEntry } from '../../../../shared/contract';
import { HistoryButton, HistoryPanel, historyPanelId } from './History';
import { reasonActions, type ReasonAction } from './reasons';
import { whenText } from './words';

/** A row's action button, saying whom it is for; `data-action` lets focus come back to it after the change. */
export function RowButton({
  action,
  label,
  name,
  look,
  busy,
  onClick,
}: {
  action: string;
  label: string;
  name: string;
  look?: 'secondary' | 'warning';
  busy?: boolean;
  onClick(): void;
}) {
  return (
    <button
      type="button"
      className={look ? `button button--${look}` : 'button'}
      data-action={action}
      aria-disabled={busy || undefined}
      onClick={onClick}
    >
      {label}
      <span className="visually-hidden"> {name}</span>
    </button>
  );
}

interface RowProps {
  entry: RosterEntry;
  sessionId: string;
  today: string;
  version: number;
  historyOpen: boolean;
  onHistory(): void;
  /** The buttons for this row, before History. */
  children: ReactNode;
}

/**
 * One person on the waiting list, or holding an offered place: where they
 * are in the queue, who they are, when they joined, whether they are in the
 * room, why they were moved up; their actions; their booking's history.
 */
export function QueueRow({ entry, sessionId, today, version, historyOpen, onHistory, children }: RowProps) {
  const panelId = historyPanelId('waitlist', entry.personId);
  const position = entry.state === 'waitlisted' ? entry.waitlistPosition : null;
  return (
    <li className="queue-item" data-person-id={entry.personId}>
      <div className="queue-item__row">
        {position !== null && (
          <p className="queue-item__position">
            <span className="visually-hidden">Number </span>
            {position}
          </p>
        )}
        <div className="queue-item__who">
          <p className="queue-item__name">
            {entry.name}
            {entry.present && <span className="badge badge--present">In the room</span>}
            {entry.state === 'offered' && <span className="badge badge--offered">Place offered</span>}
          </p>
          <p className="queue-item__details">
            {entry.organisationName ?? 'No organisation'} · Joined {whenText(entry.bookedAt, today)}
          </p>
          {entry.priorityReason && (
            <p className="queue-item__priority">
              <span className="queue-item__priority-label">Priority:</span> {entry.priorityReason}
            </p>
          )}
        </div>
        <div className="queue-item__actions">
          {children}
          <HistoryButton name={entry.name} open={historyOpen} panelId={panelId} onToggle={onHistory} />
        </div>
      </div>
      {historyOpen && <HistoryPanel id={panelId} sessionId={sessionId} person={entry} version={version} today={today} />}
    </li>
  );
}

/** The reason-asking buttons of a waiting person's row. */
export function ReasonButtons({
  entry,
  actions,
  busy,
  onAsk,
}: {
  entry: RosterEntry;
  actions: ReasonAction[];
  busy: boolean;
  onAsk(action: ReasonAction): void;
}) {
  return (
    <>
      {actions.map((action) => (
        <RowButton
          key={action}
          action={action}
          label={reasonActions[action].button}
          name={entry.name}
          look={action === 'remove' ? 'warning' : 'secondary'}
          busy={busy}
          onClick={() => onAsk(action)}
        />
      ))}
    </>
  );
}
