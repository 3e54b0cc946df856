import type { ProcedureInput } from '../../shared/contract';
import { addDays, isWeekend, wallTime, type CalendarDay } from './calendar';
import type { Random } from './random';

export interface ScheduledCourse {
  id: string;
  durationMinutes: number;
  /** The core course runs far more often than the others: demand outruns supply. */
  share: number;
}

export interface ScheduledVenue {
  id: string;
  roomCapacity: number;
  eveningsAvailable: boolean;
}

export const SCHEDULE_WEEKS = 6;

const MORNING = 9 * 60 + 30;
const LATE_MORNING = 10 * 60;
const AFTERNOON = 13 * 60 + 30;
const EVENING = 18 * 60;

function pickCourse(random: Random, courses: readonly ScheduledCourse[]): ScheduledCourse {
  const total = courses.reduce((sum, course) => sum + course.share, 0);
  let roll = random.next() * total;
  for (const course of courses) {
    roll -= course.share;
    if (roll < 0) return course;
  }
  return courses[courses.length - 1]!;
}

function pickFacilitators(random: Random, facilitators: readonly string[]): string[] {
  const lead = random.pick(facilitators);
  if (random.chance(0.3)) return [lead];
  const others = facilitators.filter((name) => name !== lead);
  return [lead, random.pick(others)];
}

function session(
  random: Random,
  course: ScheduledCourse,
  venue: ScheduledVenue,
  day: CalendarDay,
  startMinutes: number,
  facilitators: readonly string[],
): ProcedureInput<'sessions.create'> {
  return {
    courseId: course.id,
    venueId: venue.id,
    startsAt: wallTime(day, startMinutes),
    endsAt: wallTime(day, startMinutes + course.durationMinutes),
    capacity: random.int(Math.min(12, venue.roomCapacity), Math.min(30, venue.roomCapacity)),
    facilitators: pickFacilitators(random, facilitators),
  };
}

/**
 * Sessions from today for about six weeks. Today always has two, a morning
 * and an afternoon one at different venues, so a facilitator opening the demo
 * finds "today's sessions" filled in whatever day it is. After that, two or
 * three weekday sessions a week, sometimes two on one day at different venues.
 */
export function buildSchedule(
  random: Random,
  today: CalendarDay,
  courses: readonly ScheduledCourse[],
  venues: readonly ScheduledVenue[],
  facilitators: readonly string[],
): ProcedureInput<'sessions.create'>[] {
  const [core] = courses;
  const [firstVenue, secondVenue] = venues;
  if (!core || !firstVenue || !secondVenue) throw new Error('The demo schedule needs a course and two venues.');

  const otherCourses = courses.length > 1 ? courses.slice(1) : courses;
  const sessions = [
    session(random, core, firstVenue, today, MORNING, facilitators),
    session(random, pickCourse(random, otherCourses), secondVenue, today, AFTERNOON, facilitators),
  ];

  for (let offset = 1; offset < SCHEDULE_WEEKS * 7; offset += 1) {
    const day = addDays(today, offset);
    if (isWeekend(day) || !random.chance(0.5)) continue;
    const firstVenueToday = random.pick(venues);
    const venuesToday = random.chance(0.2)
      ? [firstVenueToday, random.pick(venues.filter((venue) => venue !== firstVenueToday))]
      : [firstVenueToday];
    for (const venue of venuesToday) {
      const course = pickCourse(random, courses);
      const starts = venue.eveningsAvailable && random.chance(0.2) ? [EVENING] : [MORNING, LATE_MORNING, AFTERNOON];
      sessions.push(session(random, course, venue, day, random.pick(starts), facilitators));
    }
  }
  return sessions;
}
