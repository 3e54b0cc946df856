import type { Session } from '../../../../shared/contract';
import { addDays, clockTime, longDateWithWeekday } from '../../components/format';

export { sessionStatusLabels as statusLabels } from '../../../../shared/labels';

export interface Day<S extends Session = Session> {
  day: string;
  label: string;
  sessions: S[];
}

export const dayOf = (localDateTime: string) => localDateTime.slice(0, 10);
/** "09:30" from "2026-03-12T09:30". */
export const timeOf = clockTime;

/** "Today", "Tomorrow", "Yesterday", or "Thursday 26 November 2026". */
export function dayLabel(day: string, today: string): string {
  if (day === today) return 'Today';
  if (day === addDays(today, 1)) return 'Tomorrow';
  if (day === addDays(today, -1)) return 'Yesterday';
  return longDateWithWeekday(day);
}

/** "09:30 to 12:30", naming the end day when a session runs past midnight. */
export function timeRange(session: Session): string {
  const end = dayOf(session.endsAt) === dayOf(session.startsAt) ? timeOf(session.endsAt) : `${timeOf(session.endsAt)} on ${longDateWithWeekday(dayOf(session.endsAt))}`;
  return `${timeOf(session.startsAt)} to ${end}`;
}

/** Sessions in the order given, gathered under their start day. */
export function groupByDay<S extends Session>(sessions: S[], today: string): Day<S>[] {
  const days: Day<S>[] = [];
  for (const session of sessions) {
    const day = dayOf(session.startsAt);
    let group = days.at(-1);
    if (group?.day !== day) {
      group = { day, label: dayLabel(day, today), sessions: [] };
      days.push(group);
    }
    group.sessions.push(session);
  }
  return days;
}
